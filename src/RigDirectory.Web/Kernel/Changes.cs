namespace RigDirectory.Web.Kernel;

/// <summary>
/// What a committed command changed, announced by the <see cref="SaveStep"/> after commit. The write side names the
/// thing it changed; the read side (<see cref="IChangeListener"/>) decides which caches and snapshots that touches,
/// so no owner knows the pages that show it.
/// </summary>
public abstract record Change;

/// <summary>What a change to one RIG can alter on the public pages.</summary>
public enum RigChange
{
    /// <summary>Only its profile (sponsors, officers, linked mentors).</summary>
    Profile,

    /// <summary>Its profile and its row in the list, search, CSV and API (a routine edit, a verification).</summary>
    Listing,

    /// <summary>Whether and where it is shown at all (approval, archive, restore): also the map, its school and region.</summary>
    Placement,

    /// <summary>
    /// Whether it is being registered (submitted, or rejected after that): not listed, but the map, its school and
    /// its region say "a RIG here is being registered".
    /// </summary>
    Pending,

    /// <summary>Its name or school: every page that may name it.</summary>
    Identity,
}

public sealed record RigChanged(int RigId, RigChange What) : Change;

/// <summary>A school was added, edited, merged or retired: the map, lists and pages naming it.</summary>
public sealed record SchoolChanged(int SchoolId) : Change;

/// <summary>A region, its states or its contacts: the map and every page grouped by region.</summary>
public sealed record RegionChanged(int RegionId) : Change;

/// <summary>A mentor's offer, status or room (a mentorship begun or ended): the finder and the profiles of the RIGs they are linked to.</summary>
public sealed record MentorChanged(int MentorId) : Change;

/// <summary>A subspecialty added, renamed or retired: the finder's filter and every mentor's card that names it.</summary>
public sealed record SubspecialtyChanged(string Slug) : Change;

/// <summary>An account was deleted, with what cascaded from it (a mentor's offer, a student's mentorships).</summary>
public sealed record AccountDeleted(string UserId) : Change;

/// <summary>
/// An event appeared, changed or went: its page, the lists and feeds, and its hosts' pages, including those of
/// RIGs that co-hosted it until this change (<paramref name="FormerCoHosts"/>).
/// </summary>
public sealed record EventChanged(int EventId, IReadOnlyCollection<int>? FormerCoHosts = null) : Change;

/// <summary>A registration or cancellation: only the event's seats.</summary>
public sealed record EventSeatsChanged(int EventId) : Change;

/// <summary>A student showed, changed or withdrew their interest in a RIG: what they see on its profile.</summary>
public sealed record InterestChanged(string UserId) : Change;

/// <summary>The read side: told of each change once its command has committed.</summary>
public interface IChangeListener
{
    Task ChangedAsync(Change change, CancellationToken cancellationToken);
}
