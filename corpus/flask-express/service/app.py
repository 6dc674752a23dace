# A meeting-room booking API as a team writes it on Flask (Debian's
# python3-flask 2.2), served by gunicorn with one worker (the bookings are
# kept in memory): two rooms, bookings with validation, conflicts and
# updates; JSON in and out, a refusal `{"error", "fields"}` from the app
# itself, and Flask's own pages for what the app does not route. app.cjs
# beside it is the same API ported to Express.
#   gunicorn --chdir service --bind 127.0.0.1:PORT --workers 1 app:app
from datetime import datetime

from flask import Flask, jsonify, request

app = Flask(__name__)

ROOMS = {
    'atlas': {'id': 'atlas', 'name': 'Atlas', 'seats': 8, 'floor': 2},
    'borealis': {'id': 'borealis', 'name': 'Borealis', 'seats': 4, 'floor': 3},
}
bookings = {}
next_id = 1


def parse_time(value):
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.replace('Z', '+00:00'))
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None


def validate(data, partial=False):
    """Field errors of a booking's JSON body; `partial` for a PATCH."""
    fields = {}
    if not partial or 'room' in data:
        if data.get('room') not in ROOMS:
            fields['room'] = 'unknown room'
    if not partial or 'title' in data:
        title = data.get('title')
        if not isinstance(title, str) or not 1 <= len(title.strip()) <= 80:
            fields['title'] = 'a title of 1 to 80 characters is required'
    for key in ('start', 'end'):
        if (not partial or key in data) and parse_time(data.get(key)) is None:
            fields[key] = 'a date and time with a time zone is required'
    if not partial or 'attendees' in data:
        attendees = data.get('attendees')
        if not isinstance(attendees, int) or attendees < 1:
            fields['attendees'] = 'a whole number of 1 or more is required'
    return fields


def json_body():
    data = request.get_json()
    if not isinstance(data, dict):
        return None
    return data


def refuse(fields):
    return jsonify(error='validation failed', fields=fields), 400


def conflict_of(booking):
    start, end = parse_time(booking['start']), parse_time(booking['end'])
    for other in bookings.values():
        if other['id'] == booking['id'] or other['room'] != booking['room']:
            continue
        if start < parse_time(other['end']) and parse_time(other['start']) < end:
            return other['id']
    return None


def check(booking):
    if parse_time(booking['end']) <= parse_time(booking['start']):
        return refuse({'end': 'must be after start'})
    if booking['attendees'] > ROOMS[booking['room']]['seats']:
        return refuse({'attendees': f"the room seats {ROOMS[booking['room']]['seats']}"})
    conflict = conflict_of(booking)
    if conflict is not None:
        return jsonify(error='the room is already booked', conflict=conflict), 409
    return None


@app.get('/health')
def health():
    return jsonify(status='ok')


@app.get('/rooms')
def list_rooms():
    return jsonify(list(ROOMS.values()))


@app.get('/rooms/<room_id>')
def get_room(room_id):
    room = ROOMS.get(room_id)
    if room is None:
        return jsonify(error='no such room'), 404
    return jsonify(room)


@app.get('/bookings')
def list_bookings():
    room = request.args.get('room')
    found = [b for b in bookings.values() if room is None or b['room'] == room]
    return jsonify(found)


@app.post('/bookings')
def create_booking():
    global next_id
    data = json_body()
    if data is None:
        return jsonify(error='the body must be a JSON object'), 400
    fields = validate(data)
    if fields:
        return refuse(fields)
    booking = {
        'id': next_id,
        'room': data['room'],
        'title': data['title'].strip(),
        'start': parse_time(data['start']).isoformat(),
        'end': parse_time(data['end']).isoformat(),
        'attendees': data['attendees'],
    }
    refused = check(booking)
    if refused:
        return refused
    bookings[next_id] = booking
    next_id += 1
    return jsonify(booking), 201


@app.get('/bookings/<int:booking_id>')
def get_booking(booking_id):
    booking = bookings.get(booking_id)
    if booking is None:
        return jsonify(error='no such booking'), 404
    return jsonify(booking)


@app.patch('/bookings/<int:booking_id>')
def update_booking(booking_id):
    booking = bookings.get(booking_id)
    if booking is None:
        return jsonify(error='no such booking'), 404
    data = json_body()
    if data is None:
        return jsonify(error='the body must be a JSON object'), 400
    fields = validate(data, partial=True)
    if fields:
        return refuse(fields)
    changed = dict(booking)
    for key in ('room', 'attendees'):
        if key in data:
            changed[key] = data[key]
    if 'title' in data:
        changed['title'] = data['title'].strip()
    for key in ('start', 'end'):
        if key in data:
            changed[key] = parse_time(data[key]).isoformat()
    refused = check(changed)
    if refused:
        return refused
    bookings[booking_id] = changed
    return jsonify(changed)


@app.delete('/bookings/<int:booking_id>')
def delete_booking(booking_id):
    if bookings.pop(booking_id, None) is None:
        return jsonify(error='no such booking'), 404
    return '', 204
