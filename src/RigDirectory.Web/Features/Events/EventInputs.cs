using System.ComponentModel.DataAnnotations;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;

using RigDirectory.Web.Kernel;

namespace RigDirectory.Web.Features.Events;

/// <summary>
/// An event as its hosts fill it in: times as the venue's clock reads them, in the zone they choose. The lifecycle
/// turns them into instants (<see cref="EventTimeZones.ToUtc"/>), so a time the clocks skip is an error on the form.
/// </summary>
public class EventInput
{
    public const string Prefix = "Input";

    [Required(ErrorMessage = "Give the event a title, such as \"Lunch talk: a day in interventional radiology\".")]
    [StringLength(Limits.Name, MinimumLength = 3, ErrorMessage = "Give the event a title of 3 to 200 characters.")]
    public string Title { get; set; } = "";

    [Display(Name = "Type")]
    public EventType Type { get; set; }

    [StringLength(Limits.LongText, ErrorMessage = "Keep the description under 4,000 characters.")]
    public string? Description { get; set; }

    [Required(ErrorMessage = "Enter when the event starts.")]
    [Display(Name = "Starts")]
    public DateTime? Starts { get; set; }

    [Required(ErrorMessage = "Enter when the event ends.")]
    [Display(Name = "Ends")]
    public DateTime? Ends { get; set; }

    [Required(ErrorMessage = "Choose the venue's time zone.")]
    [StringLength(64)]
    [Display(Name = "Time zone")]
    public string TimeZoneId { get; set; } = EventTimeZones.Default;

    public EventFormat Format { get; set; }

    [StringLength(Limits.Name, ErrorMessage = "Keep the place under 200 characters.")]
    [Display(Name = "Where")]
    public string? Location { get; set; }

    [StringLength(Limits.Url, ErrorMessage = "Keep the join link under 500 characters.")]
    [Display(Name = "Join link")]
    public string? JoinUrl { get; set; }

    public EventAudience Audience { get; set; }

    [Range(1, EventRules.MaxCapacity, ErrorMessage = "Enter the number of seats, from 1 to 5,000, or leave it empty for no limit.")]
    [Display(Name = "Seats")]
    public int? Capacity { get; set; }

    [StringLength(Limits.Name, ErrorMessage = "Keep the co-hosting group's name under 200 characters.")]
    [Display(Name = "With another specialty's interest group")]
    public string? CoHostGroup { get; set; }

    /// <summary>Other RIGs hosting with this one: their names, one per line.</summary>
    [StringLength(2000, ErrorMessage = "Name at most five RIGs.")]
    [Display(Name = "With other RIGs")]
    public string? CoHostRigs { get; set; }

    /// <summary>The checks the form cannot make alone, and the instants its times mean; no errors when both are set.</summary>
    public (DateTime StartsAt, DateTime EndsAt, IReadOnlyList<KeyValuePair<string, string>> Errors) Resolve(DateTime now)
    {
        var errors = new List<KeyValuePair<string, string>>();
        void Error(string field, string message) => errors.Add(new($"{Prefix}.{field}", message));

        var (startsAt, endsAt) = Times(now, Error);
        if (Format != EventFormat.Virtual && string.IsNullOrWhiteSpace(Location))
        {
            Error(nameof(Location), "Say where the event is, such as \"Medical education building, room 210\".");
        }

        if (Format != EventFormat.InPerson && !IsWebLink(JoinUrl))
        {
            Error(nameof(JoinUrl), "Enter the link students join with, starting with https://.");
        }

        return (startsAt, endsAt, errors);
    }

    /// <summary>The instants the venue's times mean, each checked (it exists in the zone, ends after it starts, within limits); default where not.</summary>
    private (DateTime StartsAt, DateTime EndsAt) Times(DateTime now, Action<string, string> error)
    {
        if (!EventTimeZones.IsKnown(TimeZoneId))
        {
            error(nameof(TimeZoneId), "Choose the venue's time zone from the list.");
            return default;
        }

        if (Starts is not { } starts || Ends is not { } ends)
        {
            return default;
        }

        var startsAt = Instant(starts, nameof(Starts), error);
        var endsAt = Instant(ends, nameof(Ends), error);
        if (startsAt == default || endsAt == default)
        {
            return (startsAt, endsAt);
        }

        if (endsAt <= startsAt)
        {
            error(nameof(Ends), "The event must end after it starts.");
        }
        else if (endsAt - startsAt > EventRules.MaxLength)
        {
            error(nameof(Ends), "An event lasts at most three days; add longer programs as several events.");
        }

        if (startsAt > now + EventRules.MaxAhead)
        {
            error(nameof(Starts), "Plan events at most two years ahead.");
        }

        return (startsAt, endsAt);
    }

    /// <summary>The instant a venue's local time means, or default (with the field's error) for a time the clocks skip.</summary>
    private DateTime Instant(DateTime local, string field, Action<string, string> error)
    {
        if (EventTimeZones.ToUtc(local, TimeZoneId) is { } utc)
        {
            return utc;
        }

        error(field, $"{local:h:mm tt} does not exist on {local:MMM d} in {EventTimeZones.Get(TimeZoneId).Label}: the clocks go forward. Choose another time.");
        return default;
    }

    private static bool IsWebLink(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    public void LoadFrom(Event e)
    {
        ArgumentNullException.ThrowIfNull(e);
        Title = e.Title;
        Type = e.Type;
        Description = e.Description;
        TimeZoneId = e.TimeZoneId;
        Starts = EventTimeZones.ToLocal(e.StartsAt, e.TimeZoneId);
        Ends = EventTimeZones.ToLocal(e.EndsAt, e.TimeZoneId);
        Format = e.Format;
        Location = e.Location;
        JoinUrl = e.JoinUrl;
        Audience = e.Audience;
        Capacity = e.Capacity;
        CoHostGroup = e.CoHostGroup;
    }

    /// <summary>The co-hosting RIGs' names as typed, one per line, without blanks or repeats.</summary>
    public IReadOnlyList<string> CoHostRigNames() =>
        [.. (CoHostRigs ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase)];
}

/// <summary>An ACR virtual networking conference: an event with a registration window, a region (or none: national) and an agenda.</summary>
public sealed class ConferenceInput : EventInput
{
    public ConferenceInput()
    {
        Type = EventType.NetworkingConference;
        Format = EventFormat.Virtual;
    }

    /// <summary>Null: national.</summary>
    [Display(Name = "Region")]
    public int? RegionId { get; set; }

    [Display(Name = "Registration opens")]
    public DateTime? RegistrationOpens { get; set; }

    [Display(Name = "Registration closes")]
    public DateTime? RegistrationCloses { get; set; }

    /// <summary>The agenda's rows; blank rows are ignored.</summary>
    public List<SessionInput> Sessions { get; set; } = [];

    public const int BlankSessionRows = 3;

    public (DateTime? OpensAt, DateTime? ClosesAt, IReadOnlyList<(string Title, string? Speakers, DateTime StartsAt, DateTime EndsAt)> Agenda, IReadOnlyList<KeyValuePair<string, string>> Errors) ResolveConference(DateTime startsAt, DateTime endsAt)
    {
        var errors = new List<KeyValuePair<string, string>>();
        DateTime? Instant(DateTime? local, string field, string label)
        {
            if (local is not { } value)
            {
                return null;
            }

            if (EventTimeZones.ToUtc(value, TimeZoneId) is { } utc)
            {
                return utc;
            }

            errors.Add(new($"{Prefix}.{field}", $"{label}: {value:h:mm tt} does not exist on {value:MMM d} in this time zone (the clocks go forward)."));
            return null;
        }

        var opensAt = Instant(RegistrationOpens, nameof(RegistrationOpens), "Registration opens");
        var closesAt = Instant(RegistrationCloses, nameof(RegistrationCloses), "Registration closes");
        if (closesAt is { } closes && startsAt != default && closes > startsAt)
        {
            errors.Add(new($"{Prefix}.{nameof(RegistrationCloses)}", "Close registration at or before the start."));
        }

        if (opensAt is { } opens && closesAt is { } close && opens >= close)
        {
            errors.Add(new($"{Prefix}.{nameof(RegistrationOpens)}", "Open registration before it closes."));
        }

        var agenda = Agenda(startsAt, endsAt, errors);
        return (opensAt, closesAt, [.. agenda.OrderBy(s => s.Item3)], errors);
    }

    /// <summary>The agenda's filled rows as instants in the conference's zone, in order; each row that does not fit adds an error.</summary>
    private List<(string Title, string? Speakers, DateTime StartsAt, DateTime EndsAt)> Agenda(DateTime startsAt, DateTime endsAt, List<KeyValuePair<string, string>> errors)
    {
        var agenda = new List<(string Title, string? Speakers, DateTime StartsAt, DateTime EndsAt)>();
        var rows = Sessions.Where(s => !s.IsBlank).ToList();
        if (rows.Count > EventRules.MaxSessions)
        {
            errors.Add(new($"{Prefix}.{nameof(Sessions)}", $"An agenda has at most {EventRules.MaxSessions} sessions."));
        }

        for (var i = 0; i < Sessions.Count && agenda.Count < EventRules.MaxSessions; i++)
        {
            var row = Sessions[i];
            if (row.IsBlank)
            {
                continue;
            }

            var field = $"{Prefix}.{nameof(Sessions)}[{i}]";
            if (string.IsNullOrWhiteSpace(row.Title) || row.Starts is null || row.Ends is null)
            {
                errors.Add(new($"{field}.{nameof(SessionInput.Title)}", $"Session {i + 1}: give it a title, a start and an end, or clear the row."));
                continue;
            }

            var (start, end) = (EventTimeZones.ToUtc(row.Starts.Value, TimeZoneId), EventTimeZones.ToUtc(row.Ends.Value, TimeZoneId));
            if (start is null || end is null || end <= start || (startsAt != default && (start < startsAt || end > endsAt)))
            {
                errors.Add(new($"{field}.{nameof(SessionInput.Starts)}", $"Session {i + 1}: it must start and end within the conference, and end after it starts."));
                continue;
            }

            agenda.Add((row.Title.Trim(), string.IsNullOrWhiteSpace(row.Speakers) ? null : row.Speakers.Trim(), start.Value, end.Value));
        }

        return agenda;
    }

    public void LoadConferenceFrom(Event e)
    {
        ArgumentNullException.ThrowIfNull(e);
        LoadFrom(e);
        RegionId = e.RegionId;
        RegistrationOpens = e.RegistrationOpensAt is { } opens ? EventTimeZones.ToLocal(opens, e.TimeZoneId) : null;
        RegistrationCloses = e.RegistrationClosesAt is { } closes ? EventTimeZones.ToLocal(closes, e.TimeZoneId) : null;
        Sessions = [.. e.Sessions.OrderBy(s => s.StartsAt).Select(s => new SessionInput
        {
            Title = s.Title,
            Speakers = s.Speakers,
            Starts = EventTimeZones.ToLocal(s.StartsAt, e.TimeZoneId),
            Ends = EventTimeZones.ToLocal(s.EndsAt, e.TimeZoneId),
        })];
    }

    /// <summary>The agenda with room to add sessions: the form shows a few blank rows after the filled ones.</summary>
    public void AddBlankRows()
    {
        var blanks = Sessions.Count(s => s.IsBlank);
        for (var i = blanks; i < BlankSessionRows && Sessions.Count < EventRules.MaxSessions; i++)
        {
            Sessions.Add(new SessionInput());
        }
    }
}

public sealed class SessionInput
{
    [StringLength(Limits.Name, ErrorMessage = "Keep a session's title under 200 characters.")]
    public string? Title { get; set; }

    [StringLength(Limits.Name, ErrorMessage = "Keep a session's speakers under 200 characters.")]
    public string? Speakers { get; set; }

    public DateTime? Starts { get; set; }
    public DateTime? Ends { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(Speakers) && Starts is null && Ends is null;
}

/// <summary>A note from ACR (hiding an event) or from its hosts (cancelling it), read by those it concerns.</summary>
public sealed class EventNoteInput
{
    [StringLength(EventRules.NoteLength, ErrorMessage = "Keep the note under 1,000 characters.")]
    public string? Note { get; set; }
}
