using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Directory;

namespace RigDirectory.Web.Features.Mentoring;

/// <summary>
/// What students and mentors read: the finder, a mentor's page, and each side's requests. The finder sends a fixed
/// number of statements whatever the number of mentors: its options, then either a count and a page, or (sorted by
/// distance) the candidates' places and the page's details.
/// </summary>
public sealed class MentoringQueries(AppDbContext db, SchoolFinder finder, Directory.MapGeometry geometry, TimeProvider clock)
{
    public const int PageSize = 20;
    public const int PastShown = 20;

    /// <summary>A mentor's card without its subspecialties, which <see cref="WithSubspecialtiesAsync"/> adds.</summary>
    public static readonly Expression<Func<MentorProfile, MentorCard>> Card = m => new MentorCard(
        m.Id,
        m.User!.DisplayName,
        m.Role,
        m.Institution,
        m.City,
        m.Jurisdiction!.PostalCode,
        new List<string>(),
        m.Offers,
        m.Format,
        m.ActiveMentees < m.Capacity);

    /// <summary>
    /// The cards with their subspecialties, read in one statement of seeks from the cards' ids. Read as part of the
    /// cards' own statement, SQLite joined every mentor's subspecialties before keeping the page's (10 to 17 ms at 10,000 mentors).
    /// </summary>
    public static async Task<List<MentorCard>> WithSubspecialtiesAsync(AppDbContext db, List<MentorCard> cards, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(cards);
        var ids = cards.Select(c => c.Id).ToList();
        var names = (await db.MentorProfiles.AsNoTracking().Where(m => ids.Contains(m.Id))
                .SelectMany(m => m.Subspecialties, (m, s) => new { MentorId = m.Id, s.Name, s.SortOrder })
                .ToListAsync(cancellationToken))
            .GroupBy(s => s.MentorId)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.SortOrder).Select(s => s.Name).ToList());
        return [.. cards.Select(c => c with { Subspecialties = names.GetValueOrDefault(c.Id) ?? [] })];
    }

    /// <summary>
    /// <paramref name="nearGiven"/>: the student typed (or cleared) their school, which then decides alone;
    /// <paramref name="rememberSchool"/>: neither typed nor named in the address, so the school of their last request is used.
    /// </summary>
    public async Task<MentorSearchViewModel> FindAsync(MentorSearchInput input, string userId, bool nearGiven, bool rememberSchool, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var subspecialties = await SubspecialtyOptionsAsync(cancellationToken);
        var regions = await db.Regions.AsNoTracking().Active().OrderBy(r => r.SortOrder).Select(r => new Choice(r.Slug, r.Name)).ToListAsync(cancellationToken);
        var found = await StartingSchoolsAsync(input, userId, nearGiven, rememberSchool, cancellationToken);
        var from = found.FirstOrDefault();
        var unknown = from is null && (nearGiven ? !string.IsNullOrWhiteSpace(input.Near) : input.School is not null);
        input.School = from?.Slug;
        IReadOnlyList<SchoolOption> others = nearGiven ? found.Skip(1).ToList() : [];

        var query = Filtered(input, subspecialties);
        if (from is null)
        {
            var total = await query.CountAsync(cancellationToken);
            // With room only (the default), the index's own order serves: newest first, no sort of every mentor.
            var sorted = input.Room ? query.OrderByDescending(m => m.ApprovedAt) : query.OrderByDescending(m => m.ActiveMentees < m.Capacity).ThenByDescending(m => m.ApprovedAt);
            var page = await sorted.ThenBy(m => m.Id)
                .Skip((input.Page - 1) * PageSize).Take(PageSize)
                .Select(Card).ToListAsync(cancellationToken);
            page = await WithSubspecialtiesAsync(db, page, cancellationToken);
            return new MentorSearchViewModel(input, page, total, subspecialties, regions, null, [], unknown);
        }

        var (ordered, count) = await NearestAsync(query, from, input, cancellationToken);
        return new MentorSearchViewModel(input, ordered, count, subspecialties, regions, from, others, SchoolUnknown: false);
    }

    /// <summary>The school distances are measured from: typed, named in the address, or that of the student's last request; several when the typed name fits several.</summary>
    private async Task<List<SchoolOption>> StartingSchoolsAsync(MentorSearchInput input, string userId, bool nearGiven, bool rememberSchool, CancellationToken cancellationToken)
    {
        if (nearGiven)
        {
            var near = SchoolFinder.Bounded(input.Near);
            return string.IsNullOrEmpty(near) ? [] : await SchoolsAsync(await finder.FindAsync(db, near, MentoringRules.SchoolChoicesShown, cancellationToken), cancellationToken);
        }

        if (input.School is { } slug)
        {
            return await SchoolsAsync([slug], cancellationToken);
        }

        if (rememberSchool)
        {
            return await db.Mentorships.AsNoTracking().Where(m => m.StudentUserId == userId).OrderByDescending(m => m.CreatedAt).Take(1)
                .Select(m => new SchoolOption(m.StudentSchool!.Slug, School.Label(m.StudentSchool.Name, m.StudentSchool.Campus), m.StudentSchool.Latitude, m.StudentSchool.Longitude))
                .ToListAsync(cancellationToken);
        }

        return [];
    }

    /// <summary>Active mentors matching the filters (room, subspecialty, offer, format, region).</summary>
    private IQueryable<MentorProfile> Filtered(MentorSearchInput input, IReadOnlyList<Choice> subspecialties)
    {
        var query = db.MentorProfiles.AsNoTracking().Where(MentoringRules.IsFindable);
        if (input.Room)
        {
            query = query.Where(m => m.ActiveMentees < m.Capacity);
        }

        if (input.Subspecialty is { } subspecialty)
        {
            // "Id in the subspecialty's mentors" (not "has the subspecialty"): SQLite then seeks those mentors by id
            // instead of testing every active mentor (22-38 ms at 10,000 mentors for the count alone).
            var id = subspecialties.FirstOrDefault(s => s.Value == subspecialty)?.Id ?? 0;
            var ofSubspecialty = db.Subspecialties.Where(s => s.Id == id).SelectMany(s => s.Mentors, (_, mentor) => mentor.Id);
            query = query.Where(m => ofSubspecialty.Contains(m.Id));
        }

        if (input.Offer is { } offer && MentoringRules.AllOffers.Contains(offer))
        {
            query = query.Where(m => (m.Offers & offer) == offer);
        }

        if (input.Format is { } format && format != MentorFormat.Both)
        {
            query = query.Where(m => m.Format == format || m.Format == MentorFormat.Both);
        }

        if (input.Region is { } region)
        {
            query = query.Where(m => m.Jurisdiction!.Region!.Slug == region);
        }

        return query;
    }

    /// <summary>A page of mentors nearest <paramref name="from"/> (those with room first), with their distances, and how many there are.</summary>
    private async Task<(List<MentorCard> Page, int Total)> NearestAsync(IQueryable<MentorProfile> query, SchoolOption from, MentorSearchInput input, CancellationToken cancellationToken)
    {
        if (input.Within is { } radius)
        {
            var (minLatitude, maxLatitude, minLongitude, maxLongitude) = MentoringRules.Box(from.Latitude, from.Longitude, radius);
            query = query.Where(m => m.Latitude >= minLatitude && m.Latitude <= maxLatitude && m.Longitude >= minLongitude && m.Longitude <= maxLongitude);
        }

        // Distance is measured here, not in SQL (SQLite has no trigonometry): the places are three numbers a mentor.
        var places = await query.Select(m => new { m.Id, m.Latitude, m.Longitude, Room = m.ActiveMentees < m.Capacity }).ToListAsync(cancellationToken);
        var ranked = places
            .Select(p => (p.Id, p.Room, Miles: MentoringRules.DistanceMiles(from.Latitude, from.Longitude, p.Latitude, p.Longitude)))
            .Where(p => input.Within is not { } within || p.Miles <= within)
            .OrderByDescending(p => p.Room).ThenBy(p => p.Miles).ThenBy(p => p.Id)
            .ToList();
        var ids = ranked.Skip((input.Page - 1) * PageSize).Take(PageSize).Select(p => p.Id).ToList();
        var cards = await WithSubspecialtiesAsync(db, await db.MentorProfiles.AsNoTracking().Where(m => ids.Contains(m.Id)).Select(Card).ToListAsync(cancellationToken), cancellationToken);
        var miles = ranked.Where(p => ids.Contains(p.Id)).ToDictionary(p => p.Id, p => p.Miles);
        var ordered = cards.OrderBy(c => ids.IndexOf(c.Id)).Select(c => c with { Miles = miles[c.Id] }).ToList();
        return (ordered, ranked.Count);
    }

    /// <summary>
    /// An active mentor's page, with whether the user may ask them (and why not); null when not findable.
    /// <paramref name="school"/>: the school the student searched from, to fill in their request.
    /// </summary>
    public async Task<MentorPageViewModel?> MentorAsync(int id, string userId, MentorshipRequestInput? request, string? school, CancellationToken cancellationToken)
    {
        var mentor = await db.MentorProfiles.AsNoTracking()
            .Where(m => m.Id == id).Where(MentoringRules.ShownTo(userId))
            .Select(m => new
            {
                Card = new MentorCard(m.Id, m.User!.DisplayName, m.Role, m.Institution, m.City, m.Jurisdiction!.PostalCode,
                    new List<string>(), m.Offers, m.Format, m.ActiveMentees < m.Capacity),
                m.Bio,
                m.UserId,
                m.Status,
                m.JurisdictionCode,
                m.Latitude,
                m.Longitude,
                StateName = m.Jurisdiction.Name,
                Rigs = m.Rigs.Where(l => l.Rig!.Status == RigStatus.Approved).OrderBy(l => l.Rig!.Name).Select(l => new LinkedRig(l.RigId, l.Rig!.Slug, l.Rig.Name)).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (mentor is null)
        {
            return null;
        }

        var mine = await db.Mentorships.AsNoTracking().Where(m => m.StudentUserId == userId).OrderByDescending(m => m.CreatedAt)
            .Select(m => new { m.MentorId, m.Status, School = m.StudentSchool!.Slug })
            .Take(100).ToListAsync(cancellationToken);
        var open = mine.Where(m => MentoringRules.Open(m.Status)).ToList();
        var cannotAsk = mentor.UserId == userId ? (MentoringRules.Findable(mentor.Status) ? "This is how students see you." : "Students do not see you while your offer is not active.")
            : open.Any(m => m.MentorId == id) ? "You asked this mentor already: see it on My mentors."
            : !mentor.Card.HasRoom ? "Full: this mentor has as many students as they can take just now."
            : open.Count(m => MentoringRules.Waiting(m.Status)) >= MentoringRules.MaxOpenRequests ? $"You have {MentoringRules.MaxOpenRequests} requests waiting for an answer, the most at once. Cancel one on My mentors, or wait for an answer."
            : null;
        (request, var choices) = await RequestFormAsync(request, cannotAsk is null, school ?? mine.Select(m => m.School).FirstOrDefault(), cancellationToken);
        var card = (await WithSubspecialtiesAsync(db, [mentor.Card], cancellationToken))[0];
        var place = MentorPlaceMap.Of(geometry, mentor.JurisdictionCode, mentor.Latitude, mentor.Longitude, $"{card.Name} works in {card.City}, {mentor.StateName}");
        return new MentorPageViewModel(card, mentor.Bio, mentor.Rigs, cannotAsk, request, choices, place);
    }

    /// <summary>
    /// The request form as it opens: with the school searched from (or the student's last one) written out in full, or,
    /// when the typed name matched several schools or one was chosen among them, those schools to choose from again.
    /// </summary>
    private async Task<(MentorshipRequestInput Request, List<SchoolOption> Choices)> RequestFormAsync(MentorshipRequestInput? request, bool canAsk, string? known, CancellationToken cancellationToken)
    {
        if (!canAsk)
        {
            return (request ?? new MentorshipRequestInput(), []);
        }

        if (request is null)
        {
            return (new MentorshipRequestInput { SchoolName = known is null ? null : (await SchoolsAsync([known], cancellationToken)).FirstOrDefault()?.Label }, []);
        }

        if (SchoolFinder.Bounded(request.SchoolName) is { Length: > 0 } typed)
        {
            var ranked = await finder.RankAsync(db, typed, MentoringRules.SchoolChoicesShown, cancellationToken);
            if (!string.IsNullOrEmpty(request.School) || SchoolFinder.Unambiguous(ranked) is null)
            {
                return (request, await SchoolsAsync([.. ranked.Select(r => r.Slug)], cancellationToken));
            }
        }

        return (request, []);
    }

    /// <summary>The mentor's side: their offer, the requests waiting, their mentees (with emails) and what is past.</summary>
    public async Task<MyMentoringViewModel> MyMentoringAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var profile = await db.MentorProfiles.AsNoTracking().Where(m => m.UserId == userId)
            .Select(m => new
            {
                m.Id,
                m.Status,
                m.ReviewNote,
                m.Capacity,
                m.ActiveMentees,
                m.Version,
                Rigs = m.Rigs.OrderBy(l => l.Rig!.Name).Select(l => new LinkedRig(l.RigId, l.Rig!.Slug, l.Rig.Name)).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (profile is null)
        {
            return new MyMentoringViewModel(null, null, null, 0, 0, 0, [], [], [], [], now);
        }

        var rows = await db.Mentorships.AsNoTracking().Where(m => m.MentorId == profile.Id)
            .Where(MentoringRules.OpenOrClosedSince(now.AddYears(-1)))
            .OrderByDescending(m => m.CreatedAt)
            .Select(m => new MentorshipRow(m.Id, m.Student!.DisplayName, MentoringRules.UnderWay(m.Status) ? m.Student.Email : null,
                m.StudentSchool!.Name + (m.StudentSchool.Campus == null ? "" : " — " + m.StudentSchool.Campus), m.Message, m.Status, m.CreatedAt, m.ExpiresAt, m.ClosedAt ?? m.AnsweredAt, m.Note, null))
            .ToListAsync(cancellationToken);
        return new MyMentoringViewModel(profile.Id, profile.Status, profile.ReviewNote, profile.Capacity, profile.ActiveMentees, profile.Version,
            rows.Where(r => MentoringRules.Waiting(r.Status)).OrderBy(r => r.ExpiresAt).ToList(),
            rows.Where(r => MentoringRules.UnderWay(r.Status)).ToList(),
            rows.Where(r => !MentoringRules.Open(r.Status)).Take(PastShown).ToList(),
            profile.Rigs,
            now);
    }

    /// <summary>The student's side: their requests and mentorships; a mentor's email only once they accepted.</summary>
    public async Task<MyMentorsViewModel> MyMentorsAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.Mentorships.AsNoTracking().Where(m => m.StudentUserId == userId)
            .OrderByDescending(m => m.CreatedAt)
            .Take(100)
            .Select(m => new MentorshipRow(m.Id, m.Mentor!.User!.DisplayName, MentoringRules.UnderWay(m.Status) ? m.Mentor.User.Email : null,
                m.Mentor.Institution, m.Message, m.Status, m.CreatedAt, m.ExpiresAt, m.ClosedAt ?? m.AnsweredAt, m.Note, m.MentorId))
            .ToListAsync(cancellationToken);
        return new MyMentorsViewModel(
            rows.Where(r => MentoringRules.Waiting(r.Status)).ToList(),
            rows.Where(r => MentoringRules.UnderWay(r.Status)).ToList(),
            rows.Where(r => !MentoringRules.Open(r.Status)).Take(PastShown).ToList(),
            now);
    }

    /// <summary>The offer form: the user's offer as it stands (or a blank one) and the choices.</summary>
    public async Task<OfferFormViewModel> OfferFormAsync(string userId, MentorOfferInput? posted, CancellationToken cancellationToken)
    {
        var profile = await db.MentorProfiles.AsNoTracking().Where(m => m.UserId == userId)
            .Select(m => new
            {
                Input = new MentorOfferInput
                {
                    Role = m.Role,
                    Institution = m.Institution,
                    City = m.City,
                    State = m.JurisdictionCode,
                    Subspecialties = m.Subspecialties.Select(s => s.Id).ToList(),
                    Format = m.Format,
                    Bio = m.Bio,
                    Capacity = m.Capacity,
                },
                m.Offers,
                m.Status,
                m.ReviewNote,
                m.ActiveMentees,
                Chosen = m.Subspecialties.Select(s => s.Id).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        var input = posted ?? profile?.Input ?? new MentorOfferInput();
        if (posted is null && profile is not null)
        {
            input.Offers = MentoringRules.AllOffers.Where(o => profile.Offers.HasFlag(o)).ToList();
        }

        var chosen = profile?.Chosen ?? [];
        var subspecialties = await db.Subspecialties.AsNoTracking().Where(s => !s.IsRetired || chosen.Contains(s.Id)).OrderBy(s => s.SortOrder).ThenBy(s => s.Name)
            .Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken);
        var states = await db.Jurisdictions.AsNoTracking().OrderBy(j => j.Country).ThenBy(j => j.Name).Select(j => new Choice(j.Code, j.Name)).ToListAsync(cancellationToken);
        return new OfferFormViewModel(input, profile?.Status, profile?.ReviewNote, subspecialties.Select(s => new Choice(s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Name)).ToList(), states, profile?.ActiveMentees ?? 0);
    }

    private Task<List<Choice>> SubspecialtyOptionsAsync(CancellationToken cancellationToken) =>
        db.Subspecialties.AsNoTracking().Where(s => !s.IsRetired).OrderBy(s => s.SortOrder).ThenBy(s => s.Name)
            .Select(s => new Choice(s.Slug, s.Name) { Id = s.Id }).ToListAsync(cancellationToken);

    /// <summary>The listed schools of <paramref name="slugs"/>, in that order.</summary>
    private async Task<List<SchoolOption>> SchoolsAsync(List<string> order, CancellationToken cancellationToken)
    {
        if (order.Count == 0)
        {
            return [];
        }

        var rows = await db.Schools.AsNoTracking().Listed().Where(s => order.Contains(s.Slug))
            .Select(s => new SchoolOption(s.Slug, School.Label(s.Name, s.Campus), s.Latitude, s.Longitude))
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(s => order.IndexOf(s.Slug))];
    }
}
