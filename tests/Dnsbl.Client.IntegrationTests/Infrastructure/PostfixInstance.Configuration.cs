namespace Dnsbl.Client.IntegrationTests.Infrastructure;

public sealed partial class PostfixInstance
{
    // The uid/gid virtual(8) delivers as ("nobody" on Debian): the Maildir belongs to it.
    private const int MailboxOwner = 65534;

    private async Task WriteConfigurationAsync(string recipientRestrictions, CancellationToken cancellationToken)
    {
        // The Maildir exists before Postfix starts, so the test's watcher never creates it: a folder the test made
        // would be root's, and virtual(8), running as the mailbox owner, could not deliver into it.
        foreach (var folder in new[] { "etc", "queue", "data", "mail/inbox/tmp", "mail/inbox/new", "mail/inbox/cur" })
        {
            Directory.CreateDirectory(Path.Combine(Root, folder));
        }

        // The master runs as root, its daemons as 'postfix' (and virtual as nobody): each must reach its folder.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Root, (UnixFileMode)0x1ED); // 0755
        }
        await RunAsync("/bin/chown", cancellationToken, "postfix", Path.Combine(Root, "data")).ConfigureAwait(false);
        await RunAsync("/bin/chown", cancellationToken, "-R", $"{MailboxOwner}:{MailboxOwner}", Path.Combine(Root, "mail")).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(ConfigDirectory, "main.cf"), MainCf(recipientRestrictions), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(ConfigDirectory, "master.cf"), MasterCf(), cancellationToken).ConfigureAwait(false);
    }

    private string MainCf(string recipientRestrictions) => $"""
        compatibility_level = 3.6
        queue_directory = {Root}/queue
        data_directory = {Root}/data
        mail_owner = postfix
        setgid_group = postdrop
        myhostname = policy-test.localdomain
        mydomain = localdomain
        myorigin = $myhostname
        mydestination =
        inet_interfaces = 127.0.0.1
        inet_protocols = ipv4
        mynetworks = 127.0.0.0/8
        relayhost =
        # No DNS at all: XCLIENT gives the client's name, nothing is relayed.
        smtpd_peername_lookup = no
        smtp_dns_support_level = disabled
        smtpd_authorized_xclient_hosts = 127.0.0.0/8
        smtpd_recipient_restrictions = {recipientRestrictions}
        virtual_mailbox_domains = {Domain}
        virtual_mailbox_base = {Root}/mail
        virtual_mailbox_maps = static:inbox/
        virtual_uid_maps = static:{MailboxOwner}
        virtual_gid_maps = static:{MailboxOwner}
        virtual_minimum_uid = 1
        alias_maps =
        alias_database =
        biff = no
        maillog_file = {Root}/maillog
        maillog_file_prefixes = {Root}
        """;

    // Debian's services, unchrooted (the instance has no chroot jail), smtpd on the test's port.
    private string MasterCf() => $"""
        {SmtpEndPoint.Address}:{SmtpEndPoint.Port} inet n - n - - smtpd
        pickup     unix  n - n 60 1 pickup
        cleanup    unix  n - n - 0 cleanup
        qmgr       unix  n - n 300 1 qmgr
        rewrite    unix  - - n - - trivial-rewrite
        bounce     unix  - - n - 0 bounce
        defer      unix  - - n - 0 bounce
        trace      unix  - - n - 0 bounce
        verify     unix  - - n - 1 verify
        flush      unix  n - n 1000 0 flush
        proxymap   unix  - - n - - proxymap
        proxywrite unix  - - n - 1 proxymap
        showq      unix  n - n - - showq
        error      unix  - - n - - error
        retry      unix  - - n - - error
        discard    unix  - - n - - discard
        virtual    unix  - n n - - virtual
        anvil      unix  - - n - 1 anvil
        scache     unix  - - n - 1 scache
        postlog    unix-dgram n - n - 1 postlogd

        """;
}
