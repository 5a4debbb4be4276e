# Perl LWP::UserAgent pointed at one compatibility case as its documentation shows
# (scripts/compat/clients/perl-lwp.ts). Argument: JSON {url, method, body, username, password, token,
# realms, proxy}. Prints the final status.
use strict;
use warnings;
use JSON::PP;
use LWP::UserAgent;
use HTTP::Request;
use URI;
use URI::Escape ();

# Character strings, as in a script with `use utf8`: LWP encodes user-pass as UTF-8 itself when the
# challenge says charset="UTF-8" (LWP::Authen::Basic), so UTF-8 bytes would be encoded twice.
my $case = JSON::PP->new->utf8->decode($ARGV[0]);
my $ua = LWP::UserAgent->new(timeout => 10, env_proxy => 0);
my $host_port = URI->new($case->{url})->host_port;
# $ua->credentials takes the realm: the user copies it from the server's documentation (the challenge).
$ua->credentials($host_port, $_, $case->{username}, $case->{password}) for @{ $case->{realms} };
if (defined $case->{proxy}) {
    # Proxy credentials in the proxy URL: LWP sends Proxy-Authorization Basic with every request.
    my $proxy = URI->new($case->{proxy});
    $proxy->userinfo(join ':', map { URI::Escape::uri_escape($_) } $case->{username}, $case->{password});
    $ua->proxy('http', $proxy->as_string);
}
my @headers = defined $case->{token} ? (Authorization => "Bearer $case->{token}") : ();
my $request = HTTP::Request->new($case->{method}, $case->{url}, [@headers], $case->{body});
my $response = $ua->request($request);
my $warning = $response->header('Client-Warning');
if (defined $warning && $warning eq 'Internal response') {
    print STDERR $response->status_line, "\n";
    exit 1;
}
print "ended with status ", $response->code, "\n";
