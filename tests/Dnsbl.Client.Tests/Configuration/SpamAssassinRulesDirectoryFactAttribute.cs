namespace Dnsbl.Client.Tests.Configuration;

/// <summary>
/// A fact over SpamAssassin's shipped rules (Debian's spamassassin package, /usr/share/spamassassin); skipped, with the
/// reason, only where that directory is missing. The test script installs the package, so CI always runs it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SpamAssassinRulesDirectoryFactAttribute : FactAttribute
{
    public const string Directory = "/usr/share/spamassassin";

    /// <summary>Sets <see cref="FactAttribute.Skip"/> when the rules are not installed.</summary>
    public SpamAssassinRulesDirectoryFactAttribute()
    {
        if (!System.IO.Directory.Exists(Directory) || System.IO.Directory.GetFiles(Directory, "*.cf").Length == 0)
        {
            Skip = $"SpamAssassin's rules are not installed in {Directory} (apt-get install spamassassin).";
        }
    }
}
