using System.ComponentModel.DataAnnotations;

namespace RigDirectory.Web.Domain;

/// <summary>
/// The one-minute feedback form's five-point items: the study's ("Radiology Interest Groups: A Recipe for Success",
/// 2020), so that every RIG's figures read beside its 75–78% and 31–42%.
/// </summary>
public enum FeedbackItem
{
    [Display(Name = "Overall, a positive experience")]
    PositiveExperience,

    [Display(Name = "Relevant to my studies")]
    Relevant,

    [Display(Name = "Increased my interest in or insight into radiology")]
    IncreasedInterest,

    [Display(Name = "Influenced my thinking about my career")]
    InfluencedCareer,
}

/// <summary>Where an attendee is in medical school, as the form asks it.</summary>
public enum YearInSchool
{
    [Display(Name = "Pre-clinical")]
    PreClinical,

    [Display(Name = "Clinical")]
    Clinical,

    [Display(Name = "Other")]
    Other,
}

/// <summary>
/// A share with its 95% Wilson score interval: honest at the small counts a RIG's events give (at 5 answers,
/// 5 of 5 agreeing still spans 57–100%), where the usual interval would claim 100 ± 0.
/// </summary>
public sealed record Proportion(int Count, int Total, double Low, double High)
{
    public double Share => Total == 0 ? 0 : (double)Count / Total;
}

/// <summary>A retrospective before/after pair's means (five-point scale) and their mean paired difference.</summary>
public sealed record PairedMeans(int Pairs, double Before, double After)
{
    public double Difference => After - Before;
}

/// <summary>
/// The impact figures' rules, written once: what counts as agreeing, the interval, and the smallest group shown.
/// </summary>
public static class ImpactRules
{
    /// <summary>No figure of a group with fewer answers is shown anywhere (page or CSV): too few to be anonymous or to mean much.</summary>
    public const int MinimumAnswers = 5;

    /// <summary>What a group with too few answers shows instead of its figures.</summary>
    public const string TooFew = "fewer than 5 answers";

    public const int LowestScore = 1;
    public const int HighestScore = 5;

    /// <summary>z for a two-sided 95% interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>The study's reference ranges, drawn beside every chart: positive and relevant, then interest and career.</summary>
    public static readonly (double Low, double High) StudyPositive = (0.75, 0.78);

    public static readonly (double Low, double High) StudyInterest = (0.31, 0.42);

    /// <summary>Agree or strongly agree: 4 or 5 on the five-point scale.</summary>
    public static bool Agrees(int score) => score >= 4;

    public static bool IsScore(int score) => score is >= LowestScore and <= HighestScore;

    /// <summary>Whether a group's figures may be shown at all.</summary>
    public static bool Shown(int answers) => answers >= MinimumAnswers;

    /// <summary><paramref name="count"/> of <paramref name="total"/>, with its 95% Wilson score interval (0 to 1).</summary>
    public static Proportion Wilson(int count, int total)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, total);
        if (total == 0)
        {
            return new Proportion(0, 0, 0, 1);
        }

        const double z2 = Z95 * Z95;
        var n = (double)total;
        var p = count / n;
        var denominator = 1 + (z2 / n);
        var centre = (p + (z2 / (2 * n))) / denominator;
        var half = Z95 * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n))) / denominator;
        return new Proportion(count, total, Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>The means of the answers that give both halves of the pair (an answer with one half is left out of both).</summary>
    public static PairedMeans Paired(IEnumerable<(int? Before, int? After)> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var (pairs, before, after) = (0, 0L, 0L);
        foreach (var (b, a) in answers)
        {
            if (b is { } first && a is { } second && IsScore(first) && IsScore(second))
            {
                pairs++;
                before += first;
                after += second;
            }
        }

        return pairs == 0 ? new PairedMeans(0, 0, 0) : new PairedMeans(pairs, (double)before / pairs, (double)after / pairs);
    }

    /// <summary>"42% (31–53%)", or what a group with too few answers shows.</summary>
    public static string Describe(Proportion share)
    {
        ArgumentNullException.ThrowIfNull(share);
        return Shown(share.Total)
            ? FormattableString.Invariant($"{share.Share * 100:0}% ({share.Low * 100:0}–{share.High * 100:0}%)")
            : TooFew;
    }
}

/// <summary>
/// An event's check-in code: what the hosts show in the room or paste in the meeting's chat, typed on a phone.
/// Eight characters from 30 (no 0/O, 1/I/L, U), random (30^8, about 6.6 × 10^11: unguessable at the rate a signed-in
/// visitor may try), read case-insensitively with or without its dash.
/// </summary>
public static class CheckInCodes
{
    public const int Length = 8;

    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>A new random code, as stored (no dash).</summary>
    public static string New() => System.Security.Cryptography.RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>"ABCD-EFGH": how the code is shown.</summary>
    public static string Display(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code.Length == Length ? $"{code[..4]}-{code[4..]}" : code;
    }

    /// <summary>The code as stored, from what someone typed ("abcd efgh", "ABCD-EFGH"); null when it cannot be one.</summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null || typed.Length > 32)
        {
            return null;
        }

        var code = string.Concat(typed.Where(c => !char.IsWhiteSpace(c) && c != '-')).ToUpperInvariant();
        return code.Length == Length && code.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? code : null;
    }
}
