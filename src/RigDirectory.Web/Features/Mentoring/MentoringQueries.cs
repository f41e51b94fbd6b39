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
public sealed class MentoringQueries(AppDbContext db, SchoolFinder finder, MentorSnapshot mentors, Directory.MapGeometry geometry, TimeProvider clock)
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
    /// The finder, from the mentor snapshot (<see cref="MentorSnapshot"/>): no SQL but the starting school's.
    /// <paramref name="nearGiven"/>: the student typed (or cleared) their school, which then decides alone;
    /// <paramref name="rememberedSchool"/>: neither typed nor named in the address, the school of their last request (see <see cref="RememberedSchoolAsync"/>).
    /// </summary>
    public async Task<MentorSearchViewModel> FindAsync(MentorSearchInput input, bool nearGiven, string? rememberedSchool, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var snapshot = await mentors.GetAsync();
        var found = await StartingSchoolsAsync(input, nearGiven, rememberedSchool, cancellationToken);
        var from = found.FirstOrDefault();
        var unknown = from is null && (nearGiven ? !string.IsNullOrWhiteSpace(input.Near) : input.School is not null);
        input.School = from?.Slug;
        IReadOnlyList<SchoolOption> others = nearGiven ? found.Skip(1).ToList() : [];
        var matching = Filtered(snapshot, input);
        var skip = (input.Page - 1) * PageSize;
        if (from is null)
        {
            // Newest first, as the snapshot is kept; with full mentors shown, those with room come first.
            var ordered = input.Room ? matching : matching.Where(e => e.Card.HasRoom).Concat(matching.Where(e => !e.Card.HasRoom));
            var page = new List<MentorCard>(PageSize);
            var total = 0;
            foreach (var entry in ordered)
            {
                if (total++ >= skip && page.Count < PageSize)
                {
                    page.Add(entry.Card);
                }
            }

            return new MentorSearchViewModel(input, page, total, snapshot.Subspecialties, snapshot.Regions, null, [], unknown);
        }

        // Distance is measured here: the places are two numbers a mentor, held in memory.
        var box = input.Within is { } radius ? MentoringRules.Box(from.Latitude, from.Longitude, radius) : ((double, double, double, double)?)null;
        var ranked = matching
            .Where(e => box is not var (minLatitude, maxLatitude, minLongitude, maxLongitude)
                || (e.Latitude >= minLatitude && e.Latitude <= maxLatitude && e.Longitude >= minLongitude && e.Longitude <= maxLongitude))
            .Select(e => (Entry: e, Miles: MentoringRules.DistanceMiles(from.Latitude, from.Longitude, e.Latitude, e.Longitude)))
            .Where(p => input.Within is not { } within || p.Miles <= within)
            .ToList();
        var nearest = ranked.OrderByDescending(p => p.Entry.Card.HasRoom).ThenBy(p => p.Miles).ThenBy(p => p.Entry.Card.Id)
            .Skip(skip).Take(PageSize).Select(p => p.Entry.Card with { Miles = p.Miles }).ToList();
        return new MentorSearchViewModel(input, nearest, ranked.Count, snapshot.Subspecialties, snapshot.Regions, from, others, SchoolUnknown: false);
    }

    /// <summary>The slug of the school of the student's last request, where the finder measures from when they name none; null for none.</summary>
    public Task<string?> RememberedSchoolAsync(string userId, CancellationToken cancellationToken) =>
        db.Mentorships.AsNoTracking().Where(m => m.StudentUserId == userId).OrderByDescending(m => m.CreatedAt).Select(m => m.StudentSchool!.Slug).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The school distances are measured from: typed, named in the address, or remembered; several when the typed name fits several.</summary>
    private async Task<List<SchoolOption>> StartingSchoolsAsync(MentorSearchInput input, bool nearGiven, string? rememberedSchool, CancellationToken cancellationToken)
    {
        if (nearGiven)
        {
            var near = SchoolFinder.Bounded(input.Near);
            return string.IsNullOrEmpty(near) ? [] : await SchoolsAsync(await finder.FindAsync(db, near, MentoringRules.SchoolChoicesShown, cancellationToken), cancellationToken);
        }

        return (input.School ?? rememberedSchool) is { } slug ? await SchoolsAsync([slug], cancellationToken) : [];
    }

    /// <summary>Findable mentors matching the filters (room, subspecialty, offer, format, region), newest first.</summary>
    private static IEnumerable<MentorSnapshot.Entry> Filtered(MentorSnapshot.Snapshot snapshot, MentorSearchInput input)
    {
        var room = input.Room;
        var subspecialty = input.Subspecialty is { } slug ? snapshot.Subspecialties.FirstOrDefault(s => s.Value == slug)?.Id ?? 0 : (int?)null;
        var offer = input.Offer is { } wanted && MentoringRules.AllOffers.Contains(wanted) ? wanted : (MentorOffers?)null;
        var format = input.Format is { } f && f != MentorFormat.Both ? f : (MentorFormat?)null;
        var region = input.Region;
        return snapshot.Newest.Where(e =>
            (!room || e.Card.HasRoom)
            && (subspecialty is not { } id || Array.BinarySearch(e.SubspecialtyIds, id) >= 0)
            && (offer is not { } o || (e.Card.Offers & o) == o)
            && (format is not { } m || e.Card.Format == m || e.Card.Format == MentorFormat.Both)
            && (region is null || e.RegionSlug == region));
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
