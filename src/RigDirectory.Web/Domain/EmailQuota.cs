namespace RigDirectory.Web.Domain;

/// <summary>
/// One email the app sent to an address a user typed (an invitation, a sponsor confirmation): what the daily caps
/// per RIG and per recipient count. Kept when the sponsor or invitation is removed, so removing and re-adding does
/// not reset the count.
/// </summary>
public class EmailQuotaEntry
{
    public long Id { get; set; }
    public int RigId { get; set; }

    /// <summary>The recipient, lower-cased.</summary>
    public required string Recipient { get; set; }

    public required string Purpose { get; set; }
    public DateTime SentAt { get; set; }
}
