// The order desk a team hosts with node-soap: one WSDL (orders.wsdl beside
// this file, document/literal, SOAP 1.1) and its four operations kept in
// memory. The same file runs on each major of the `soap` package:
//   node host.cjs SOAP_PACKAGE_DIR PORT
// Orders are numbered from 1 in the order they are created; a refusal is a
// SOAP fault (soap:Client) the way node-soap's README throws one.
'use strict';
const http = require('node:http');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const [soapDir, port] = process.argv.slice(2);
const soap = require(soapDir);
const wsdl = readFileSync(join(__dirname, 'orders.wsdl'), 'utf8');

const orders = [];
const fault = (message) => ({
  Fault: { faultcode: 'soap:Client', faultstring: message, statusCode: 500 },
});
const find = (orderId) => {
  const order = orders.find((o) => o.orderId === String(orderId));
  if (!order) throw fault(`no order ${orderId}`);
  return order;
};

const service = {
  OrderService: {
    OrderPort: {
      CreateOrder({ customer, item, quantity }) {
        if (!customer || !item) throw fault('customer and item are required');
        const count = Number(quantity);
        if (!Number.isInteger(count) || count < 1)
          throw fault('quantity must be a whole number above 0');
        const order = {
          orderId: String(orders.length + 1),
          customer,
          item,
          quantity: count,
          status: 'open',
        };
        orders.push(order);
        return { order };
      },
      GetOrder({ orderId }) {
        return { order: find(orderId) };
      },
      ListOrders(args) {
        const status = args?.status;
        return { order: orders.filter((o) => !status || o.status === status) };
      },
      CancelOrder({ orderId }) {
        const order = find(orderId);
        if (order.status === 'cancelled') throw fault(`order ${orderId} is already cancelled`);
        order.status = 'cancelled';
        return { order };
      },
    },
  },
};

const server = http.createServer((_req, res) => {
  res.statusCode = 404;
  res.end();
});
server.listen(Number(port), '127.0.0.1', () => {
  soap.listen(server, '/orders', service, wsdl);
});
