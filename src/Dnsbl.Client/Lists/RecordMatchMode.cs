namespace Dnsbl.Client.Lists;

/// <summary>How a rule treats an answer with several A records.</summary>
public enum RecordMatchMode
{
    /// <summary>The rule matches when any returned code matches its filter (postscreen's behaviour).</summary>
    AnyRecord,

    /// <summary>The rule matches only when every returned code matches its filter.</summary>
    AllRecords,
}
