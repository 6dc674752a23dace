# RDF::Endpoint as the example endpoint.psgi of Debian's
# librdf-endpoint-perl sets it up for a data file (RDF_ENDPOINT_FILE: an
# in-memory store loaded from that file, service description on, updates
# on), without that example's optional configuration-file lookup (it needs
# Config::ZOMG, which Debian does not install with it) and without its
# access log.
# Usage: RDF_ENDPOINT_FILE=<file> plackup --host 127.0.0.1 --port <port> endpoint.psgi
use strict;
use warnings;
use File::Spec;
use Plack::Request;
use RDF::Endpoint;

my $abs = File::Spec->rel2abs($ENV{RDF_ENDPOINT_FILE} or die "RDF_ENDPOINT_FILE is not set\n");
my $endpoint = RDF::Endpoint->new({
  store    => "Memory;file://$abs",
  endpoint => {
    service_description => { named_graphs => 1, default => 1 },
    html      => { embed_images => 1, image_width => 200, resource_links => 1 },
    load_data => 0,
    update    => 0,
  },
});

sub {
  my $req = Plack::Request->new(shift);
  return $endpoint->run($req)->finalize;
};
