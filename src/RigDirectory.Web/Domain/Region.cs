namespace RigDirectory.Web.Domain;

/// <summary>A named group of states/provinces with its own contacts ("contact your region"). Data, not code.</summary>
public class Region
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public Country Country { get; set; }
    public string? Description { get; set; }
    public int SortOrder { get; set; }

    /// <summary>Set when curators retired it (once its states had moved to other regions): kept for its history, shown nowhere.</summary>
    public DateTime? RetiredAt { get; set; }

    public List<Jurisdiction> Jurisdictions { get; set; } = [];
    public List<RegionalContact> Contacts { get; set; } = [];
}

public static class ActiveRegions
{
    /// <summary>The regions the directory shows: every one not retired.</summary>
    public static IQueryable<Region> Active(this IQueryable<Region> regions) => regions.Where(r => r.RetiredAt == null);
}

/// <summary>A US state (DC and PR included) or a Canadian province/territory, keyed like the map ("US-CA", "CA-ON").</summary>
public class Jurisdiction
{
    public required string Code { get; set; }
    public required string PostalCode { get; set; }
    public required string Name { get; set; }
    public Country Country { get; set; }
    public int RegionId { get; set; }
    public Region? Region { get; set; }

    /// <summary>The IANA zone most of its schools keep: an event's zone until its hosts choose another.</summary>
    public string TimeZoneId { get; set; } = EventTimeZones.Default;

    public static string CodeFor(Country country, string postalCode) => $"{country.ToString().ToUpperInvariant()}-{postalCode.ToUpperInvariant()}";
}

public class RegionalContact
{
    public int Id { get; set; }
    public int RegionId { get; set; }
    public Region? Region { get; set; }
    public required string Name { get; set; }
    public required string Role { get; set; }
    public required string Email { get; set; }
    public int SortOrder { get; set; }
}

public enum Country
{
    US = 0,
    CA = 1,
}
