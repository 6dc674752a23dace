// A parts catalogue, the interface a team writes once and generates for
// each runtime with Apache Thrift's compiler (Debian's thrift-compiler 0.17).
namespace py catalogue

enum Kind {
  BOLT = 1,
  NUT = 2,
  WASHER = 3,
}

struct Part {
  1: i32 id,
  2: string name,
  3: Kind kind,
  4: i32 stock,
  5: optional string note,
  6: list<string> tags,
  7: double weight,
}

struct NewPart {
  1: required string name,
  2: Kind kind = Kind.BOLT,
  3: i32 stock = 0,
  4: optional string note,
  5: list<string> tags,
  6: double weight,
}

exception NotFound {
  1: i32 id,
  2: string message,
}

exception Invalid {
  1: string field,
  2: string reason,
}

service Catalogue {
  Part add(1: NewPart part) throws (1: Invalid invalid),
  Part get(1: i32 id) throws (1: NotFound notFound),
  list<Part> byKind(1: Kind kind),
  Part restock(1: i32 id, 2: i32 count) throws (1: NotFound notFound, 2: Invalid invalid),
  void remove(1: i32 id) throws (1: NotFound notFound),
  i32 count(),
  map<string, i32> stockByKind(),
  double totalWeight(),
  binary label(1: i32 id) throws (1: NotFound notFound),
  set<string> allTags(),
  oneway void touch(1: i32 id),
  i32 touched(),
}
