using System.Globalization;

namespace RigDirectory.Web.Domain;

/// <summary>
/// An award ACR gives outstanding RIGs ("Outstanding RIG 2027", "Best outreach"): leaders and admins nominate RIGs
/// with a statement, admins choose the winners, and winners carry a badge in the directory.
/// </summary>
public class Award : IVersioned
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public int Year { get; set; }

    /// <summary>What judges look for, shown to nominators.</summary>
    public required string Criteria { get; set; }

    /// <summary>The name with its year, as badges show it ("Best outreach 2027"); the name alone when it already has the year.</summary>
    public required string Title { get; set; }

    public DateTime CreatedAt { get; set; }
    public bool IsDemo { get; set; }
    public int Version { get; set; }

    public List<Nomination> Nominations { get; set; } = [];

    public static string TitleOf(string name, int year)
    {
        ArgumentNullException.ThrowIfNull(name);
        var y = year.ToString(CultureInfo.InvariantCulture);
        return name.Contains(y, StringComparison.Ordinal) ? name.Trim() : $"{name.Trim()} {y}";
    }

    public const int CriteriaLength = 2000;
    public const int StatementLength = 2000;
}

/// <summary>A RIG put forward for an award (once per award), with why; <see cref="SelectedAt"/> marks a winner.</summary>
public class Nomination
{
    public int Id { get; set; }
    public int AwardId { get; set; }
    public Award? Award { get; set; }
    public int RigId { get; set; }
    public Rig? Rig { get; set; }
    public required string Statement { get; set; }
    /// <summary>Who nominated, kept by id and by name (the account may go; the nomination stays).</summary>
    public string? NominatedByUserId { get; set; }

    public required string NominatedBy { get; set; }
    public DateTime NominatedAt { get; set; }

    /// <summary>When an admin chose this RIG as a winner; null while it is a nomination only.</summary>
    public DateTime? SelectedAt { get; set; }

    public bool IsDemo { get; set; }
}
