// A bookmarks service, written once the way Express's guide writes an app
// (routers, express.json and express.urlencoded, express.static, a JSON
// error handler at the end), run unchanged on two majors of Express.
// Usage: node bookmarks.cjs EXPRESS_DIR STATIC_DIR PORT (EXPRESS_DIR: the
// installed `express` package). Everything is kept in memory.
const express = require(process.argv[2]);

const app = express();
app.set('etag', false);
app.use(express.static(process.argv[3]));
app.use(express.json());
app.use(express.urlencoded());

const bookmarks = new Map();
let nextId = 1;

function fail(status, message) {
  return Object.assign(new Error(message), { status, expose: true });
}

function find(req) {
  const bookmark = bookmarks.get(Number(req.params.id));
  if (!bookmark) throw fail(404, `no bookmark ${req.params.id}`);
  return bookmark;
}

app.get('/health', (_req, res) => {
  res.json({ ok: true });
});

const router = express.Router();

router.get('/', (req, res) => {
  const filter = req.query.filter ?? {};
  let list = [...bookmarks.values()];
  if (filter.tag) list = list.filter((b) => b.tags.includes(filter.tag));
  if (req.query.sort === 'title') list.sort((a, b) => a.title.localeCompare(b.title));
  res.json({ query: req.query, count: list.length, bookmarks: list });
});

router.post('/', (req, res) => {
  const { url, title, tags = [] } = req.body;
  if (typeof url !== 'string' || !/^https?:\/\//.test(url))
    throw fail(400, 'url must be an http(s) URL');
  const bookmark = {
    id: nextId++,
    url,
    title: typeof title === 'string' && title ? title : url,
    tags: Array.isArray(tags) ? tags : [tags],
    starred: false,
  };
  bookmarks.set(bookmark.id, bookmark);
  res.status(201).location(`/bookmarks/${bookmark.id}`).json(bookmark);
});

router.get('/export.:format', (req, res) => {
  const list = [...bookmarks.values()];
  if (req.params.format === 'json') return res.json(list);
  if (req.params.format === 'txt')
    return res.type('text').send(list.map((b) => `${b.id} ${b.url}\n`).join(''));
  throw fail(406, `no export as ${req.params.format}`);
});

router.get('/:id', (req, res) => {
  res.json(find(req));
});

router.patch('/:id', (req, res) => {
  const bookmark = find(req);
  const { title, tags } = req.body;
  if (title !== undefined) bookmark.title = String(title);
  if (tags !== undefined) bookmark.tags = Array.isArray(tags) ? tags : [tags];
  res.json(bookmark);
});

router.delete('/:id', (req, res) => {
  find(req);
  bookmarks.delete(Number(req.params.id));
  res.status(204).end();
});

router.get('/:id/visit', (req, res) => {
  res.redirect(find(req).url);
});

router.post('/:id/star', (req, res) => {
  find(req).starred = true;
  res.redirect('back');
});

app.use('/bookmarks', router);

app.use((err, _req, res, _next) => {
  const status = err.status ?? err.statusCode ?? 500;
  res.status(status).json({ error: err.expose ? err.message : 'internal error' });
});

app.listen(Number(process.argv[4]), '127.0.0.1', () => {
  console.log(`listening on 127.0.0.1:${process.argv[4]}`);
});
