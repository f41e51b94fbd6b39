namespace RigDirectory.Web.Domain;

/// <summary>A medical school or a separately located campus of one.</summary>
public class School
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string? Campus { get; set; }
    public required string City { get; set; }
    public required string JurisdictionCode { get; set; }
    public Jurisdiction? Jurisdiction { get; set; }
    public Country Country { get; set; }
    public DegreeType Degree { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public string? Website { get; set; }

    /// <summary>Other names the school is searched by ("UCSF; UC San Francisco"), separated by "; ".</summary>
    public string? Synonyms { get; set; }
    public SchoolStatus Status { get; set; } = SchoolStatus.Listed;

    /// <summary>True while the row matches the seed file; an admin edit clears it so a re-seed never overwrites the edit.</summary>
    public bool IsSeedManaged { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public List<Rig> Rigs { get; set; } = [];

    public const int SynonymsLength = 300;

    /// <summary>Names trimmed, empty ones dropped, joined by "; "; null when none is left.</summary>
    public static string? JoinSynonyms(IEnumerable<string> names) =>
        string.Join("; ", names.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)) is { Length: > 0 } joined ? joined : null;

    /// <summary>The separate names of a "; "-separated synonyms text.</summary>
    public static IEnumerable<string> SplitSynonyms(string? synonyms) =>
        (synonyms ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public string DisplayName => Label(Name, Campus);

    /// <summary>How a school is named everywhere: "Name — Campus", or the name alone for a school of one campus.</summary>
    public static string Label(string name, string? campus) => string.IsNullOrEmpty(campus) ? name : $"{name} — {campus}";

    /// <summary>Retired: no longer offered or shown; its RIGs were archived with it.</summary>
    public static bool IsRetired(SchoolStatus status) => status == SchoolStatus.Retired;

    /// <summary>Schools asked for by a registration and waiting for ACR (<see cref="IsRequested"/>), as a query translates it.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<School, bool>> Requested = s => s.Status == SchoolStatus.Requested;

    /// <summary>Whether the school was asked for by a registration and waits for ACR with it (not yet listed).</summary>
    public static bool IsRequested(SchoolStatus status) => status == SchoolStatus.Requested;
}

public enum DegreeType
{
    MD = 0,
    DO = 1,
}

public enum SchoolStatus
{
    /// <summary>Shown in the directory.</summary>
    Listed = 0,

    /// <summary>Requested by a leader with a registration; waits for review before it is listed.</summary>
    Requested = 1,

    /// <summary>Closed or merged; kept for history.</summary>
    Retired = 2,
}
