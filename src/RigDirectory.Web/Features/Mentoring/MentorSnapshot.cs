using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Infrastructure;
using RigDirectory.Web.Kernel;

namespace RigDirectory.Web.Features.Mentoring;

/// <summary>
/// Every findable mentor, held in memory with what the finder's filters and distance sort read, newest first: the
/// finder filters, sorts and pages it without SQL. Read from the database, the finder took 10 to 30 ms a request at
/// 10,000 mentors (a count, a page, the page's subspecialties, or every candidate's place for the distance sort);
/// the snapshot is built in two statements and dropped on any change to a mentor, their room or the subspecialties
/// (<see cref="MentorSnapshotListener"/>), here and, through its stamp, on every other instance (<see cref="SharedCopy{T}"/>).
/// </summary>
public sealed class MentorSnapshot
{
    private readonly IServiceScopeFactory _scopes;
    private readonly SharedCopy<Snapshot> _copy;

    public MentorSnapshot(IServiceScopeFactory scopes, ISharedStamps stamps)
    {
        _scopes = scopes;
        _copy = new SharedCopy<Snapshot>("mentors", stamps, BuildAsync);
    }

    /// <summary>A findable mentor: their card, and what the filters compare (subspecialty ids sorted, for a binary search).</summary>
    public sealed record Entry(MentorCard Card, int[] SubspecialtyIds, string RegionSlug, double Latitude, double Longitude);

    /// <param name="Newest">Newest approved first, then by id: the finder's own order.</param>
    /// <param name="Subspecialties">The subspecialties the filter offers (not retired), in their order.</param>
    public sealed record Snapshot(Entry[] Newest, IReadOnlyList<Choice> Subspecialties, IReadOnlyList<Choice> Regions);

    public Task<Snapshot> GetAsync() => _copy.GetAsync();

    /// <summary>Drops the snapshot, here and on every other instance; the next reader builds a fresh one.</summary>
    public Task InvalidateAsync() => _copy.DropAsync();

    private async Task<Snapshot> BuildAsync()
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var subspecialties = await db.Subspecialties.AsNoTracking().OrderBy(s => s.SortOrder).ThenBy(s => s.Name).ToListAsync();
        var mentors = await db.MentorProfiles.AsNoTracking().Where(MentoringRules.IsFindable)
            .OrderByDescending(m => m.ApprovedAt).ThenBy(m => m.Id)
            .Select(m => new Row(
                new MentorCard(m.Id, m.User!.DisplayName, m.Role, m.Institution, m.City, m.Jurisdiction!.PostalCode, new List<string>(), m.Offers, m.Format, m.ActiveMentees < m.Capacity),
                m.Jurisdiction.Region!.Slug, m.Latitude, m.Longitude, m.Subspecialties.Select(s => s.Id).ToList()))
            .AsSplitQuery()
            .ToListAsync();
        var regions = await db.Regions.AsNoTracking().Active().OrderBy(r => r.SortOrder).Select(r => new Choice(r.Slug, r.Name)).ToListAsync();
        var offered = subspecialties.Where(s => !s.IsRetired).Select(s => new Choice(s.Slug, s.Name) { Id = s.Id }).ToList();
        return new Snapshot(Entries(mentors, subspecialties), offered, regions);
    }

    private sealed record Row(MentorCard Card, string Region, double Latitude, double Longitude, List<int> Subspecialties);

    /// <summary>Each mentor's subspecialties named in the list's order; repeated strings (places, institutions, states, regions) kept once.</summary>
    private static Entry[] Entries(List<Row> mentors, List<Subspecialty> subspecialties)
    {
        var names = subspecialties.ToDictionary(s => s.Id, s => s.Name);
        var order = subspecialties.Select((s, i) => (s.Id, i)).ToDictionary(p => p.Id, p => p.i);
        return [.. mentors.Select(m =>
        {
            var ids = m.Subspecialties.Where(names.ContainsKey).OrderBy(id => order[id]).ToArray();
            var card = m.Card with
            {
                Institution = string.Intern(m.Card.Institution),
                City = string.Intern(m.Card.City),
                State = string.Intern(m.Card.State),
                Subspecialties = [.. ids.Select(id => names[id])],
            };
            Array.Sort(ids);
            return new Entry(card, ids, string.Intern(m.Region), m.Latitude, m.Longitude);
        })];
    }
}
