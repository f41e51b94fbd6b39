using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Features.Mentoring;

/// <summary>The finder's filters, as the query string carries them.</summary>
public sealed class MentorSearchInput
{
    public static readonly IReadOnlyList<int> Distances = [25, 50, 100, 250, 500, 1000];

    [FromQuery(Name = "subspecialty")]
    [StringLength(Limits.Slug)]
    public string? Subspecialty { get; set; }

    [FromQuery(Name = "offer")]
    public MentorOffers? Offer { get; set; }

    /// <summary>Virtual: mentors who meet virtually (or both ways); in person: who meet in person (or both).</summary>
    [FromQuery(Name = "format")]
    public MentorFormat? Format { get; set; }

    [FromQuery(Name = "region")]
    [StringLength(Limits.Slug)]
    public string? Region { get; set; }

    /// <summary>The student's school, by its slug (links and pages carry it): results are sorted by distance from it.</summary>
    [FromQuery(Name = "school")]
    [StringLength(Limits.Slug)]
    public string? School { get; set; }

    /// <summary>The student's school as typed (name, abbreviation or city); the best match becomes <see cref="School"/>.</summary>
    [FromQuery(Name = "near")]
    [StringLength(Limits.Name)]
    public string? Near { get; set; }

    /// <summary>Only mentors within this many miles of <see cref="School"/>.</summary>
    [FromQuery(Name = "within")]
    [Range(1, 5000)]
    public int? Within { get; set; }

    /// <summary>Only mentors with a free place (the default); off, full mentors show too, marked full.</summary>
    [FromQuery(Name = "room")]
    public bool Room { get; set; } = true;

    [FromQuery(Name = "page")]
    [Range(1, 10_000)]
    public int Page { get; set; } = 1;

    public bool Filtered => Subspecialty is not null || Offer is not null || Format is not null || Region is not null || Within is not null || !Room;

    /// <summary>The finder's address with these filters (the school by its slug), at <paramref name="page"/>; built by hand, as paging links are many.</summary>
    public string Url(int? page = null, string? school = null, bool keepFilters = true)
    {
        var values = new List<KeyValuePair<string, string?>>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                values.Add(new(key, value));
            }
        }

        if (keepFilters)
        {
            Add("subspecialty", Subspecialty);
            Add("offer", Offer?.ToString());
            Add("format", Format?.ToString());
            Add("region", Region);
        }

        Add("school", school ?? School);
        if (keepFilters)
        {
            Add("within", Within?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Add("room", Room ? null : "false");
        }

        Add("page", page is null or 1 ? null : page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return "/mentors" + QueryString.Create(values).ToUriComponent();
    }
}

public sealed record Choice(string Value, string Label)
{
    /// <summary>The row's id, where the choice stands for one (a subspecialty).</summary>
    public int Id { get; init; }
}

public sealed record SchoolOption(string Slug, string Label, double Latitude, double Longitude);

/// <summary>A mentor as students see them: never an email.</summary>
public sealed record MentorCard(
    int Id,
    string Name,
    MentorRole Role,
    string Institution,
    string City,
    string State,
    IReadOnlyList<string> Subspecialties,
    MentorOffers Offers,
    MentorFormat Format,
    bool HasRoom)
{
    public double? Miles { get; init; }
}

public sealed record MentorSearchViewModel(
    MentorSearchInput Input,
    IReadOnlyList<MentorCard> Mentors,
    int Total,
    IReadOnlyList<Choice> Subspecialties,
    IReadOnlyList<Choice> Regions,
    SchoolOption? School,
    IReadOnlyList<SchoolOption> OtherSchools,
    bool SchoolUnknown)
{
    public int Pages => Math.Max(1, (Total + MentoringQueries.PageSize - 1) / MentoringQueries.PageSize);
}

/// <summary>Why the signed-in user cannot ask this mentor, or null when they can.</summary>
public sealed record MentorPageViewModel(
    MentorCard Mentor,
    string Bio,
    IReadOnlyList<LinkedRig> Rigs,
    string? CannotAsk,
    MentorshipRequestInput Request,
    IReadOnlyList<SchoolOption> SchoolChoices,
    MentorPlaceMap? Place);

/// <summary>Where a mentor works, drawn as their state or province with a dot, in the directory map's projection.</summary>
public sealed record MentorPlaceMap(string ViewBox, string Path, double X, double Y, double Radius, string Caption)
{
    public static MentorPlaceMap? Of(Directory.MapGeometry geometry, string code, double latitude, double longitude, string caption)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        if (!geometry.ShapesByCode.TryGetValue(code, out var shape))
        {
            return null;
        }

        var (x, y) = geometry.Projection.Project(latitude, longitude);
        var size = Math.Max(shape.Bounds.MaxX - shape.Bounds.MinX, shape.Bounds.MaxY - shape.Bounds.MinY);
        return new MentorPlaceMap(shape.Bounds.ToViewBox(size * 0.05, 20), shape.Detail, x, y, Math.Max(size / 50, 0.8), caption);
    }

    public static string Number(double value) => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record LinkedRig(int Id, string Slug, string Name);

/// <summary>A request or mentorship as one side sees it; <see cref="OtherEmail"/> only once accepted.</summary>
public sealed record MentorshipRow(
    int Id,
    string OtherName,
    string? OtherEmail,
    string Detail,
    string Message,
    MentorshipStatus Status,
    DateTime CreatedAt,
    DateTime ExpiresAt,
    DateTime? ClosedAt,
    string? Note,
    int? MentorId = null);

public sealed record MyMentoringViewModel(
    int? ProfileId,
    MentorStatus? Status,
    string? ReviewNote,
    int Capacity,
    int ActiveMentees,
    int Version,
    IReadOnlyList<MentorshipRow> Waiting,
    IReadOnlyList<MentorshipRow> Active,
    IReadOnlyList<MentorshipRow> Past,
    IReadOnlyList<LinkedRig> Rigs,
    DateTime Now)
{
    /// <summary>Whether the mentor has made an offer at all.</summary>
    public bool Offered => Status.HasValue;

    /// <summary>Whether the offer's lifecycle allows the mentor this now.</summary>
    public bool Allows(MentorCommand command) => Status.HasValue && Lifecycles.MentorOffer.Allows(Status.Value, command);

    /// <summary>A standing offer is edited; one ACR has not closed is sent again.</summary>
    public bool CanEdit => Allows(MentorCommand.Edit) || Allows(MentorCommand.Offer);

    /// <summary>Waiting for ACR's decision.</summary>
    public bool UnderReview => Allows(MentorCommand.Approve);

    /// <summary>Students can find and ask the mentor.</summary>
    public bool Findable => Status.HasValue && MentoringRules.Findable(Status.Value);
}

public sealed record MyMentorsViewModel(
    IReadOnlyList<MentorshipRow> Waiting,
    IReadOnlyList<MentorshipRow> Active,
    IReadOnlyList<MentorshipRow> Past,
    DateTime Now)
{
    public int OpenRequests => Waiting.Count;
}

public sealed record OfferFormViewModel(
    MentorOfferInput Offer,
    MentorStatus? Status,
    string? ReviewNote,
    IReadOnlyList<Choice> Subspecialties,
    IReadOnlyList<Choice> States,
    int ActiveMentees)
{
    /// <summary>A standing offer: the form edits the profile students see.</summary>
    public bool Approved => Status.HasValue && MentoringRules.Approved(Status.Value);

    public bool Offered => Status.HasValue;

    /// <summary>ACR sent the offer back with a note to act on.</summary>
    public bool SentBack => Status.HasValue && MentoringRules.SentBack(Status.Value);
}
