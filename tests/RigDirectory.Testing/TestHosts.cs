using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Security;

namespace RigDirectory.Testing;

/// <summary>People the event tests need: an approved RIG with a leader, and students, each with a client signed in as them.</summary>
public static class TestHosts
{
    /// <summary>An approved RIG at <paramref name="schoolSlug"/> led by a new user; returns its id, slug and the leader's client.</summary>
    public static async Task<(int Id, string Slug, HttpClient Leader, ApplicationUser User)> ApprovedRigAsync(RigDirectoryFactory factory, string schoolSlug, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var leader = await factory.CreateUserAsync($"leader.{schoolSlug}@example.org", "event leader password", emailConfirmed: true, Roles.RigLeader);
        var slug = $"{schoolSlug}-rig";
        var id = await factory.WithDbAsync(async db =>
        {
            var rig = await TestRigs.MakeAsync(db, slug, name ?? $"RIG at {schoolSlug}", schoolSlug, RigStatus.Approved, r =>
                r.Officers.Add(new RigOfficer { UserId = leader.Id, Position = "President", GraduationYear = 2028 }));
            db.Rigs.Add(rig);
            await db.SaveChangesAsync();
            return rig.Id;
        });
        await factory.EvictDirectoryAsync();
        return (id, slug, factory.CreateClientAs(leader.Id, Roles.RigLeader), leader);
    }

    public static async Task<(HttpClient Client, ApplicationUser User)> StudentAsync(RigDirectoryFactory factory, string name)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var user = await factory.CreateUserAsync($"{name}@example.org", "event student password", emailConfirmed: true, Roles.Student);
        await factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisplayName, name.Replace('.', ' '))));
        return (factory.CreateClientAs(user.Id, Roles.Student), user);
    }
}
