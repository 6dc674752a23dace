// The meeting-room booking API of app.py, ported to Express 4 as a team
// ports it: the same routes, checks, statuses and refusals `{"error",
// "fields"}`, the bookings kept in memory, and Express's own answers for what
// the app does not route. Run in production mode, as gunicorn runs the other.
//   NODE_ENV=production node app.cjs EXPRESS_PACKAGE_DIR PORT
'use strict';
const [expressDir, port] = process.argv.slice(2);
const express = require(expressDir);

const ROOMS = {
  atlas: { id: 'atlas', name: 'Atlas', seats: 8, floor: 2 },
  borealis: { id: 'borealis', name: 'Borealis', seats: 4, floor: 3 },
};
const bookings = new Map();
let nextId = 1;

const parseTime = (value) => {
  if (typeof value !== 'string' || !/(Z|[+-]\d\d:?\d\d)$/.test(value)) return null;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? null : time;
};

/** Field errors of a booking's JSON body; `partial` for a PATCH. */
const validate = (data, partial = false) => {
  const fields = {};
  const has = (key) => !partial || key in data;
  if (has('room') && !Object.hasOwn(ROOMS, data.room)) fields.room = 'unknown room';
  if (has('title')) {
    const title = data.title;
    if (typeof title !== 'string' || title.trim().length < 1 || title.trim().length > 80)
      fields.title = 'a title of 1 to 80 characters is required';
  }
  for (const key of ['start', 'end']) {
    if (has(key) && parseTime(data[key]) === null)
      fields[key] = 'a date and time with a time zone is required';
  }
  if (has('attendees') && (!Number.isInteger(data.attendees) || data.attendees < 1))
    fields.attendees = 'a whole number of 1 or more is required';
  return fields;
};

const isObject = (data) => typeof data === 'object' && data !== null && !Array.isArray(data);
const refuse = (res, fields) => res.status(400).json({ error: 'validation failed', fields });

const conflictOf = (booking) => {
  const start = parseTime(booking.start);
  const end = parseTime(booking.end);
  for (const other of bookings.values()) {
    if (other.id === booking.id || other.room !== booking.room) continue;
    if (start < parseTime(other.end) && parseTime(other.start) < end) return other.id;
  }
  return null;
};

/** Sends the refusal and returns true when the booking cannot be kept. */
const refused = (res, booking) => {
  if (parseTime(booking.end) <= parseTime(booking.start)) {
    refuse(res, { end: 'must be after start' });
    return true;
  }
  const seats = ROOMS[booking.room].seats;
  if (booking.attendees > seats) {
    refuse(res, { attendees: `the room seats ${seats}` });
    return true;
  }
  const conflict = conflictOf(booking);
  if (conflict !== null) {
    res.status(409).json({ error: 'the room is already booked', conflict });
    return true;
  }
  return false;
};

const app = express();
app.use(express.json());

app.get('/health', (_req, res) => res.json({ status: 'ok' }));

app.get('/rooms', (_req, res) => res.json(Object.values(ROOMS)));

app.get('/rooms/:roomId', (req, res) => {
  const room = Object.hasOwn(ROOMS, req.params.roomId) ? ROOMS[req.params.roomId] : undefined;
  if (!room) return res.status(404).json({ error: 'no such room' });
  res.json(room);
});

app.get('/bookings', (req, res) => {
  const room = req.query.room;
  res.json([...bookings.values()].filter((b) => room === undefined || b.room === room));
});

app.post('/bookings', (req, res) => {
  const data = req.body;
  if (!isObject(data)) return res.status(400).json({ error: 'the body must be a JSON object' });
  const fields = validate(data);
  if (Object.keys(fields).length > 0) return refuse(res, fields);
  const booking = {
    id: nextId,
    room: data.room,
    title: data.title.trim(),
    start: parseTime(data.start).toISOString(),
    end: parseTime(data.end).toISOString(),
    attendees: data.attendees,
  };
  if (refused(res, booking)) return;
  bookings.set(nextId, booking);
  nextId += 1;
  res.status(201).json(booking);
});

app.get('/bookings/:bookingId(\\d+)', (req, res) => {
  const booking = bookings.get(Number(req.params.bookingId));
  if (!booking) return res.status(404).json({ error: 'no such booking' });
  res.json(booking);
});

app.patch('/bookings/:bookingId(\\d+)', (req, res) => {
  const id = Number(req.params.bookingId);
  const booking = bookings.get(id);
  if (!booking) return res.status(404).json({ error: 'no such booking' });
  const data = req.body;
  if (!isObject(data)) return res.status(400).json({ error: 'the body must be a JSON object' });
  const fields = validate(data, true);
  if (Object.keys(fields).length > 0) return refuse(res, fields);
  const changed = { ...booking };
  for (const key of ['room', 'attendees']) if (key in data) changed[key] = data[key];
  if ('title' in data) changed.title = data.title.trim();
  for (const key of ['start', 'end'])
    if (key in data) changed[key] = parseTime(data[key]).toISOString();
  if (refused(res, changed)) return;
  bookings.set(id, changed);
  res.json(changed);
});

app.delete('/bookings/:bookingId(\\d+)', (req, res) => {
  if (!bookings.delete(Number(req.params.bookingId)))
    return res.status(404).json({ error: 'no such booking' });
  res.status(204).end();
});

app.listen(Number(port), '127.0.0.1');
