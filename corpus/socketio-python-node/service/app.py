# The chat service of this pair on python-socketio (Debian python3-socketio,
# python-engineio underneath), as its documentation starts an asyncio server:
# an AsyncServer attached to an aiohttp application at /socket.io/, bound to
# 127.0.0.1, default options but `async_handlers=False`: each event is
# handled before the POST that carried it is answered, as socket.io does, so
# a poll after it finds the reply queued. app.cjs is the same service on the
# npm socket.io server.
#
# The default namespace `/`: `echo` sends its data back as `echo`; `add`
# acknowledges with the sum of `a` and `b`; `join` enters a room and answers
# `joined` with its name; `say` sends `said` with the text to everyone else in
# the room. The namespace `/admin` accepts a connection only with the auth
# token `letmein` (else refuses it with `not authorized`); there `whoami`
# acknowledges with `admin`.
# Usage: python3 app.py <port>
import sys

import socketio
from aiohttp import web

sio = socketio.AsyncServer(async_mode='aiohttp', async_handlers=False)
app = web.Application()
sio.attach(app)


@sio.on('echo')
async def echo(sid, data):
    await sio.emit('echo', data, to=sid)


@sio.on('add')
async def add(sid, data):
    return data['a'] + data['b']


@sio.on('join')
async def join(sid, room):
    sio.enter_room(sid, room)
    await sio.emit('joined', room, to=sid)


@sio.on('say')
async def say(sid, data):
    await sio.emit('said', {'text': data['text']}, room=data['room'], skip_sid=sid)


@sio.on('connect', namespace='/admin')
async def admin_connect(sid, environ, auth):
    if not auth or auth.get('token') != 'letmein':
        raise socketio.exceptions.ConnectionRefusedError('not authorized')


@sio.on('whoami', namespace='/admin')
async def whoami(sid):
    return 'admin'


web.run_app(app, host='127.0.0.1', port=int(sys.argv[1]), print=None)
