namespace RigDirectory.Web.Domain;

/// <summary>
/// A signed-in student's "I'm interested" in a RIG: its leaders see the student's name, school, graduation year and
/// the email the student chose to share. Withdrawing deletes it; nothing of it is public.
/// </summary>
public class RigInterest
{
    public int Id { get; set; }
    public int RigId { get; set; }
    public Rig? Rig { get; set; }
    public required string UserId { get; set; }
    public ApplicationUser? User { get; set; }

    /// <summary>The student's school as they wrote it (often the RIG's own, but not always).</summary>
    public required string School { get; set; }

    public int GraduationYear { get; set; }

    /// <summary>The address the student chose to give the leaders; not necessarily their account's.</summary>
    public required string SharedEmail { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>The one rule for a student's expected graduation year: this year to eight years on.</summary>
public static class GraduationYears
{
    public const int Span = 8;

    /// <summary>From 1 July this year's class has graduated (<see cref="Stewardship.TermEnds"/>), so next year is the first offered.</summary>
    public static string? Refusal(int year, DateTime now)
    {
        var first = Stewardship.LastEndedClass(now) + 1;
        return year < first || year > first + Span ? $"Enter a year from {first} to {first + Span}." : null;
    }
}
