#!/usr/bin/perl
# The SpamAssassin side of the oracle tests: one Mail::SpamAssassin instance (rules compiled once) checks every
# message path read from stdin and answers one JSON line per message on stdout: the score, every rule hit with its
# score, the score set used. One process for the whole corpus is what keeps the oracle inside the CI budget.
#
# usage: sa-oracle.pl RULES_DIR SITE_DIR
#   RULES_DIR  the shipped rules (Debian: /usr/share/spamassassin)
#   SITE_DIR   the .pre files (plugins) and the oracle's local.cf (dns_server on loopback, trust, Bayes off)
use strict;
use warnings;
use JSON::PP;
use Mail::SpamAssassin;

my ($rules_dir, $site_dir) = @ARGV;
die "usage: $0 RULES_DIR SITE_DIR\n" unless defined $site_dir;

my $home = "$site_dir/home";
mkdir $home;
my $sa = Mail::SpamAssassin->new({
  rules_filename      => $rules_dir,
  site_rules_filename => $site_dir,
  userprefs_filename  => "$site_dir/user_prefs",
  home_dir_for_helpers => $home,
  dont_copy_prefs     => 1,
  local_tests_only    => 0,
  require_rules       => 1,
});
$sa->init(1);

# dns_block_rule keeps a zone blocked for dns_block_time after a refusal code, in files of the global state dir. Each
# message is its own experiment, so the oracle removes them before every check.
my $state_dir = $sa->sed_path('__global_state_dir__');

my $json = JSON::PP->new->canonical(1);
$| = 1;
print $json->encode({ ready => JSON::PP::true, score_set => $sa->{conf}->get_score_set() }), "\n";

while (my $path = <STDIN>) {
  chomp $path;
  last if $path eq '';
  unlink glob("$state_dir/dnsblock_*");
  my $text = do { local $/; open(my $fh, '<:raw', $path) or die "cannot read $path: $!"; <$fh> };
  my $mail = $sa->parse($text);
  my $status = $sa->check($mail);
  my $hits = $status->get_names_of_tests_hit_with_scores_hash();
  my %subtests = map { $_ => 1 } split /,/, ($status->get_names_of_subtests_hit() // '');
  print $json->encode({
    file     => $path,
    score    => $status->get_score() + 0,
    hits     => { map { $_ => $hits->{$_} + 0 } keys %$hits },
    subtests => [ sort keys %subtests ],
    score_set => $sa->{conf}->get_score_set(),
  }), "\n";
  $status->finish();
  $mail->finish();
}
