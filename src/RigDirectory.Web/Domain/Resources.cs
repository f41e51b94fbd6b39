namespace RigDirectory.Web.Domain;

/// <summary>
/// Something ACR publishes to help RIGs run: a toolkit, a guide, a template, a slide deck or a recorded talk. Its
/// body is Markdown; each edit keeps the text it replaced as a <see cref="ResourceRevision"/>.
/// </summary>
public class Resource : IVersioned
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public required string Summary { get; set; }
    public required string Body { get; set; }
    public ResourceKind Kind { get; set; }
    public ResourceAudience Audience { get; set; }

    /// <summary>Short lowercase tags separated by "; " ("first-meeting; ultrasound"): how the wizard finds the toolkits for a step.</summary>
    public string? Tags { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    /// <summary>Demo rows exist only in Development and are removed anywhere else.</summary>
    public bool IsDemo { get; set; }

    public List<ResourceRevision> Revisions { get; set; } = [];
    public List<ResourceAttachment> Attachments { get; set; } = [];

    public const int SummaryLength = 500;
    public const int BodyLength = 20_000;
    public const int TagsLength = 300;

    public static IEnumerable<string> SplitTags(string? tags) =>
        (tags ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Tags lowercased, spaces to hyphens, duplicates dropped, joined by "; "; null when none is left.</summary>
    public static string? JoinTags(IEnumerable<string> tags)
    {
        var clean = tags.Select(t => string.Join('-', t.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            .Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return clean.Count == 0 ? null : string.Join("; ", clean);
    }
}

/// <summary>A resource's text as it was before an edit: nothing an editor replaces is lost.</summary>
public class ResourceRevision
{
    public int Id { get; set; }
    public int ResourceId { get; set; }
    public Resource? Resource { get; set; }

    /// <summary>1 for the first text, counting up.</summary>
    public int Number { get; set; }

    public required string Title { get; set; }
    public required string Summary { get; set; }
    public required string Body { get; set; }
    public string? Tags { get; set; }

    /// <summary>When this text was replaced, and by whom.</summary>
    public DateTime ReplacedAt { get; set; }

    public string? ReplacedBy { get; set; }
}

/// <summary>A file attached to a resource, stored outside the web root under a name of the app's choosing.</summary>
public class ResourceAttachment
{
    public int Id { get; set; }
    public int ResourceId { get; set; }
    public Resource? Resource { get; set; }

    /// <summary>The name it was uploaded with (checked: no path), offered back on download.</summary>
    public required string FileName { get; set; }

    /// <summary>The type its first bytes showed, never the one the browser claimed.</summary>
    public required string ContentType { get; set; }

    public long Size { get; set; }

    /// <summary>The random name of the stored file.</summary>
    public required string StoredName { get; set; }

    public DateTime UploadedAt { get; set; }
}

public enum ResourceKind
{
    Toolkit = 0,
    Guide = 1,
    Template = 2,
    SlideDeck = 3,
    RecordedTalk = 4,
}

/// <summary>Who may read a resource.</summary>
public enum ResourceAudience
{
    Everyone = 0,
    SignedIn = 1,
    RigLeaders = 2,
}
