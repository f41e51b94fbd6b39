using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Infrastructure;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Data.Seed;

public sealed class BootstrapOptions
{
    public const string Section = "Bootstrap";

    /// <summary>The first AcrAdmin, created once if absent. Comes from user secrets or the environment, never the repo.</summary>
    public string? AdminEmail { get; set; }

    public string? AdminPassword { get; set; }
    public string AdminDisplayName { get; set; } = "ACR administrator";
}

public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Demo data is only ever created in Development, and only when this is on.</summary>
    public bool Enabled { get; set; }

    /// <summary>Password of the demo admin, leader and student (documented in the README; Development only).</summary>
    public string Password { get; set; } = "lantern orchard demo";

    public static readonly IReadOnlyList<(string Email, string DisplayName, string Role)> Accounts =
    [
        ("admin@demo.rigdirectory.example", "Ada Admin (demo)", Roles.AcrAdmin),
        ("leader@demo.rigdirectory.example", "Lee Leader (demo)", Roles.RigLeader),
        ("student@demo.rigdirectory.example", "Sam Student (demo)", Roles.Student),
        ("mentor@demo.rigdirectory.example", "Morgan Mentor (demo)", Roles.Mentor),
    ];
}

/// <summary>
/// Runs on every start: migrates, then seeds what is missing. Safe to run any number of times:
/// reference data is matched by its natural key, so a re-run updates rows and never duplicates them.
/// </summary>
public sealed class DatabaseInitializer(
    AppDbContext db,
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<BootstrapOptions> bootstrap,
    IOptions<DemoOptions> demo,
    IOptions<BenchmarkOptions> benchmark,
    IHostEnvironment environment,
    TimeProvider clock,
    DemoDataStatus demoStatus,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        // Migrate builds the last migration's model snapshot to compare with the current model, most of a second of
        // start-up; on a database that is up to date (every start but the first after a release) it is skipped.
        var applied = await db.Database.GetAppliedMigrationsAsync(cancellationToken);
        var known = db.Database.GetMigrations().ToList();
        StaleDatabase.ThrowIfUnknown(applied, known, db.Database.GetDbConnection().DataSource);
        if (known.Except(applied, StringComparer.Ordinal).Any())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (db.Database.IsSqlite())
        {
            await EnableWriteAheadLogAsync(cancellationToken);
        }

        await SeedReferenceDataAsync(cancellationToken);
        await SeedRolesAsync();
        await SeedBootstrapAdminAsync();

        if (environment.IsEnvironment(BenchmarkDataGenerator.Environment))
        {
            await SeedBenchmarkAsync(cancellationToken);
        }
        else if (environment.IsDevelopment() && demo.Value.Enabled)
        {
            await SeedDemoAsync(cancellationToken);
        }
        else
        {
            await RemoveDemoDataAsync(cancellationToken);
        }

        demoStatus.Present = await db.Rigs.AnyAsync(r => r.IsDemo, cancellationToken) || await db.Users.AnyAsync(u => u.IsDemo, cancellationToken);
        if (db.Database.IsSqlite())
        {
            // Statistics for the query planner, sampled (about 10 ms at 20,000 RIGs), once the data is in: without them
            // SQLite counted a leader's upcoming events through the (Status, EndsAt) index, every upcoming event for each
            // of their RIGs, and "My RIGs" took 125 ms for twenty RIGs instead of 4 ms. SQL Server keeps its own.
            await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=1000; ANALYZE;", cancellationToken);
        }
    }

    private async Task EnableWriteAheadLogAsync(CancellationToken cancellationToken)
    {
        var dataSource = db.Database.GetDbConnection().DataSource;
        if (!string.IsNullOrEmpty(dataSource) && dataSource != ":memory:")
        {
            // journal_mode is stored in the database file, so this only has to succeed once.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    public async Task SeedReferenceDataAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;

        // Regions and their states are edited by admins: add what is missing, never undo an edit.
        var regions = await db.Regions.ToDictionaryAsync(r => r.Slug, StringComparer.Ordinal, cancellationToken);
        foreach (var row in SeedFiles.ReadRegions())
        {
            if (!regions.ContainsKey(row.Slug))
            {
                var region = new Region { Slug = row.Slug, Name = row.Name, Country = row.Country, SortOrder = row.SortOrder, Description = row.Description };
                db.Regions.Add(region);
                regions[row.Slug] = region;
            }
        }

        // A jurisdiction's zone is a fact of the file: set when added, and filled in for rows seeded before it was.
        var jurisdictions = await db.Jurisdictions.ToDictionaryAsync(j => j.Code, StringComparer.Ordinal, cancellationToken);
        foreach (var row in SeedFiles.ReadJurisdictions())
        {
            if (!jurisdictions.TryGetValue(row.Code, out var jurisdiction))
            {
                db.Jurisdictions.Add(new Jurisdiction { Code = row.Code, PostalCode = row.PostalCode, Name = row.Name, Country = row.Country, Region = regions[row.RegionSlug], TimeZoneId = row.TimeZone });
            }
            else if (string.IsNullOrEmpty(jurisdiction.TimeZoneId))
            {
                jurisdiction.TimeZoneId = row.TimeZone;
            }
        }

        // Subspecialties too: a missing slug is added; a renamed or retired one stays as the admin left it.
        var subspecialties = await db.Subspecialties.Select(s => s.Slug).ToHashSetAsync(StringComparer.Ordinal, cancellationToken);
        var order = 0;
        foreach (var row in SeedFiles.ReadSubspecialties())
        {
            order++;
            if (subspecialties.Add(row.Slug))
            {
                db.Subspecialties.Add(new Subspecialty { Slug = row.Slug, Name = row.Name, SortOrder = order });
            }
        }

        // Only the file's schools are read (and tracked): a directory with thousands of schools added by admins (or the
        // benchmark's 5,000) would otherwise track them all on every start, a third of a second.
        var rows = SeedFiles.ReadSchools();
        var slugs = rows.Select(r => r.Slug).ToList();
        var schools = await db.Schools.Where(s => slugs.Contains(s.Slug)).ToDictionaryAsync(s => s.Slug, StringComparer.Ordinal, cancellationToken);
        var added = 0;
        var updated = 0;
        var synonyms = SeedFiles.ReadSchoolSynonyms();
        foreach (var row in rows)
        {
            if (!schools.TryGetValue(row.Slug, out var school))
            {
                school = new School { Slug = row.Slug, Name = row.Name, City = row.City, JurisdictionCode = "", CreatedAt = now, IsSeedManaged = true };
                db.Schools.Add(school);
                added++;
            }
            else if (!school.IsSeedManaged)
            {
                continue;
            }

            if (Apply(row, synonyms.GetValueOrDefault(row.Slug), school))
            {
                school.UpdatedAt = now;
                if (school.Id != 0)
                {
                    updated++;
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        if (added + updated > 0)
        {
            logger.LogInformation("Seeded schools: {Added} added, {Updated} updated", added, updated);
        }
    }

    /// <summary>Copies a seed row onto a school; returns whether anything changed.</summary>
    private static bool Apply(SchoolRow row, string? synonyms, School school)
    {
        var campus = string.IsNullOrWhiteSpace(row.Campus) ? null : row.Campus;
        var website = string.IsNullOrWhiteSpace(row.Website) ? null : row.Website;
        var jurisdiction = Jurisdiction.CodeFor(row.Country, row.StateProvince);
        var changed = school.Name != row.Name || school.Campus != campus || school.City != row.City
            || school.JurisdictionCode != jurisdiction || school.Country != row.Country || school.Degree != row.Degree
            || school.Latitude != row.Latitude || school.Longitude != row.Longitude || school.Website != website || school.Synonyms != synonyms;
        school.Name = row.Name;
        school.Campus = campus;
        school.City = row.City;
        school.JurisdictionCode = jurisdiction;
        school.Country = row.Country;
        school.Degree = row.Degree;
        school.Latitude = row.Latitude;
        school.Longitude = row.Longitude;
        school.Website = website;
        school.Synonyms = synonyms;
        return changed;
    }

    private async Task SeedRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                EnsureSucceeded(await roles.CreateAsync(new IdentityRole(role)), $"create role {role}");
            }
        }
    }

    private async Task SeedBootstrapAdminAsync()
    {
        var options = bootstrap.Value;
        if (string.IsNullOrWhiteSpace(options.AdminEmail))
        {
            return;
        }

        if (await users.FindByEmailAsync(options.AdminEmail) is not null)
        {
            return;
        }

        if (string.IsNullOrEmpty(options.AdminPassword))
        {
            logger.LogWarning("Bootstrap:AdminEmail is set but Bootstrap:AdminPassword is not; no admin was created");
            return;
        }

        await CreateUserAsync(options.AdminEmail, options.AdminDisplayName, options.AdminPassword, Roles.AcrAdmin, isDemo: false);
        logger.LogInformation("Created the bootstrap administrator {Email}", options.AdminEmail);
    }

    private async Task<ApplicationUser> CreateUserAsync(string email, string displayName, string password, string role, bool isDemo)
    {
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            IsDemo = isDemo,
        };
        EnsureSucceeded(await users.CreateAsync(user, password), $"create {email}");
        EnsureSucceeded(await users.AddToRoleAsync(user, role), $"add {email} to {role}");
        return user;
    }

    private async Task SeedDemoAsync(CancellationToken cancellationToken)
    {
        if (await db.Rigs.AnyAsync(r => r.IsDemo, cancellationToken))
        {
            return;
        }

        // The demo accounts first: each is saved on its own, which is quick while little else is tracked.
        var accounts = await CreateDemoAccountsAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var schools = await db.Schools.Where(s => s.Status == SchoolStatus.Listed).ToListAsync(cancellationToken);
        var jurisdictions = await db.Jurisdictions.ToDictionaryAsync(j => j.Code, j => (j.TimeZoneId, j.RegionId), StringComparer.Ordinal, cancellationToken);
        var data = DemoDataGenerator.Generate(schools, now, jurisdictions.ToDictionary(j => j.Key, j => j.Value.TimeZoneId, StringComparer.Ordinal));
        db.Users.AddRange(data.Users);
        db.Rigs.AddRange(data.Rigs);
        if (!await db.Resources.AnyAsync(cancellationToken))
        {
            db.Resources.AddRange(DemoResources.Generate(now));
        }

        await db.SaveChangesAsync(cancellationToken);

        var approved = data.Rigs.Where(r => r.Status == RigStatus.Approved).ToList();
        var officers = data.Rigs.SelectMany(r => r.Officers).Select(o => o.UserId).ToHashSet(StringComparer.Ordinal);
        var events = DemoEventsGenerator.Generate(
            approved,
            approved.ToDictionary(r => r.Id, r => jurisdictions[schools.Single(s => s.Id == r.SchoolId).JurisdictionCode]),
            [.. data.Users.Where(u => !officers.Contains(u.Id))],
            await db.Regions.OrderBy(r => r.SortOrder).Select(r => r.Id).FirstAsync(cancellationToken),
            now);
        db.Events.AddRange(events.Events);
        db.EventRegistrations.AddRange(events.Registrations);

        var subspecialties = await db.Subspecialties.OrderBy(s => s.SortOrder).ToListAsync(cancellationToken);
        var mentoring = DemoMentorsGenerator.Generate(schools, subspecialties, data.Rigs.Where(r => r.Status == RigStatus.Approved).ToList(), now);
        db.Users.AddRange(mentoring.Users);
        db.MentorProfiles.AddRange(mentoring.Profiles);
        db.Mentorships.AddRange(mentoring.Mentorships);
        db.RigMentors.AddRange(mentoring.Links);
        var mentorRole = await roles.FindByNameAsync(Roles.Mentor) ?? throw new InvalidOperationException("Mentor role missing");
        db.UserRoles.AddRange(mentoring.Profiles.Where(p => MentoringRules.Approved(p.Status)).Select(p => new IdentityUserRole<string> { UserId = p.UserId, RoleId = mentorRole.Id }));

        var leaderRole = await roles.FindByNameAsync(Roles.RigLeader) ?? throw new InvalidOperationException("RigLeader role missing");
        var approvedOfficers = data.Rigs.Where(r => r.Status == RigStatus.Approved).SelectMany(r => r.Officers).Select(o => o.UserId).Distinct();
        db.UserRoles.AddRange(approvedOfficers.Select(id => new IdentityUserRole<string> { UserId = id, RoleId = leaderRole.Id }));

        if (accounts.TryGetValue(Roles.RigLeader, out var leader))
        {
            MakeDemoLeaderPresident(leader, data.Rigs.First(r => r.Status == RigStatus.Approved), now);
        }

        if (accounts.TryGetValue(Roles.Mentor, out var mentor))
        {
            AddDemoMentor(mentor, accounts.GetValueOrDefault(Roles.Student), schools, subspecialties, now);
        }

        // Funding calls with applications from every state, and awards with last year's winners.
        var funding = DemoFunding.Generate(
            [.. approved.Select(r => (Rig: r, Code: schools.Single(s => s.Id == r.SchoolId).JurisdictionCode)).Select(r => (r.Rig, r.Code, jurisdictions[r.Code].TimeZoneId))],
            now);
        db.FundingCalls.AddRange(funding.Calls);
        db.Events.AddRange(funding.Events);
        db.FundingApplications.AddRange(funding.Applications);
        db.Awards.AddRange(funding.Awards);
        await db.SaveChangesAsync(cancellationToken);

        // Three years of coverage for the console's chart, grown to today's figures.
        db.CoverageSnapshots.AddRange(DemoCoverageHistory.Generate(await Features.Stewardship.Coverage.CoverageQueries.ByRegionAsync(db, now, cancellationToken), now));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Seeded demo data: {Rigs} RIGs, {Users} officers and students, {Events} events", data.Rigs.Count, data.Users.Count, events.Events.Count);
    }

    /// <summary>The demo accounts not yet present, created with their roles, by role.</summary>
    private async Task<Dictionary<string, ApplicationUser>> CreateDemoAccountsAsync()
    {
        var created = new Dictionary<string, ApplicationUser>(StringComparer.Ordinal);
        foreach (var (email, displayName, role) in DemoOptions.Accounts)
        {
            if (await users.FindByEmailAsync(email) is null)
            {
                created[role] = await CreateUserAsync(email, displayName, demo.Value.Password, role, isDemo: true);
            }
        }

        return created;
    }

    /// <summary>
    /// The demo leader leads a real approved demo RIG so "My RIGs" has something to show. One president per RIG: the
    /// generated one moves to the first position nobody holds.
    /// </summary>
    private void MakeDemoLeaderPresident(ApplicationUser user, Rig rig, DateTime now)
    {
        var held = rig.Officers.Select(o => o.Position).ToHashSet(StringComparer.Ordinal);
        if (rig.Officers.FirstOrDefault(o => o.Position == "President") is { } president)
        {
            president.Position = DemoDataGenerator.Positions.First(p => !held.Contains(p));
        }

        db.RigOfficers.Add(new RigOfficer { RigId = rig.Id, UserId = user.Id, Position = "President", GraduationYear = now.Year + 1, StartedAt = now });
    }

    /// <summary>The demo mentor is active with room, and the demo student's request waits on "My mentoring".</summary>
    private void AddDemoMentor(ApplicationUser user, ApplicationUser? student, List<School> schools, List<Subspecialty> subspecialties, DateTime now)
    {
        var school = schools.First();
        var mentor = new MentorProfile
        {
            UserId = user.Id,
            Role = MentorRole.Resident,
            Institution = $"{school.City} University Hospital",
            City = school.City,
            JurisdictionCode = school.JurisdictionCode,
            Latitude = school.Latitude,
            Longitude = school.Longitude,
            Offers = MentorOffers.CareerAdvice | MentorOffers.ResearchProjects | MentorOffers.ApplicationReview,
            Format = MentorFormat.Both,
            Bio = "A fourth-year radiology resident who found the specialty late. I help students start research and prepare their applications.",
            Capacity = 3,
            Status = MentorStatus.Active,
            CreatedAt = now,
            UpdatedAt = now,
            SubmittedAt = now,
            ApprovedAt = now,
            IsDemo = true,
            Subspecialties = subspecialties.Take(2).ToList(),
        };
        db.MentorProfiles.Add(mentor);
        if (student is not null)
        {
            db.Mentorships.Add(new Mentorship
            {
                Mentor = mentor,
                StudentUserId = student.Id,
                StudentSchool = schools[1],
                Message = "I am a second-year student at a school without a RIG and would love advice on starting radiology research.",
                Status = MentorshipStatus.Requested,
                CreatedAt = now,
                ExpiresAt = now.AddDays(MentoringRules.ExpiryDays),
                IsDemo = true,
            });
        }
    }

    private async Task SeedBenchmarkAsync(CancellationToken cancellationToken)
    {
        if (await db.Rigs.AnyAsync(r => r.IsDemo, cancellationToken))
        {
            return;
        }

        var real = await db.Schools.ToListAsync(cancellationToken);
        var data = BenchmarkDataGenerator.Generate(real, clock.GetUtcNow().UtcDateTime, Math.Clamp(benchmark.Value.Rigs, 1, 100_000), Math.Clamp(benchmark.Value.Schools, 0, 100_000));
        db.Schools.AddRange(data.Schools);
        db.Users.AddRange(data.Users);
        db.Rigs.AddRange(data.Rigs);
        db.Events.AddRange(BenchmarkDataGenerator.GenerateAcrEvents(clock.GetUtcNow().UtcDateTime, await db.Regions.OrderBy(r => r.SortOrder).Select(r => r.Id).FirstAsync(cancellationToken)));
        var (mentorUsers, mentors) = BenchmarkDataGenerator.GenerateMentors(real, await db.Subspecialties.OrderBy(s => s.SortOrder).ToListAsync(cancellationToken), clock.GetUtcNow().UtcDateTime, Math.Clamp(benchmark.Value.Mentors, 0, 100_000));
        db.Users.AddRange(mentorUsers);
        db.MentorProfiles.AddRange(mentors);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Seeded benchmark data: {Schools} schools, {Rigs} RIGs, {Mentors} mentors", real.Count + data.Schools.Count, data.Rigs.Count, mentors.Count);
    }

    /// <summary>Demo rows must never survive outside Development.</summary>
    public async Task RemoveDemoDataAsync(CancellationToken cancellationToken = default)
    {
        // A student's mentorships do not cascade from their account (SQL Server allows one cascade path): removed first.
        await db.Mentorships.Where(m => m.IsDemo || m.Student!.IsDemo).ExecuteDeleteAsync(cancellationToken);
        await db.MentorshipReports.Where(r => r.Reporter!.IsDemo).ExecuteDeleteAsync(cancellationToken);
        // Co-hosting does not cascade from a RIG (SQL Server allows one cascade path), and ACR's demo events have no RIG.
        await db.Set<EventCoHost>().Where(c => c.Rig!.IsDemo || c.Event!.IsDemo).ExecuteDeleteAsync(cancellationToken);
        // An application's event does not cascade to it (one cascade path): applications and calls go first.
        await db.FundingApplications.Where(a => a.IsDemo || a.Rig!.IsDemo || a.Call!.IsDemo).ExecuteDeleteAsync(cancellationToken);
        await db.FundingCalls.Where(c => c.IsDemo).ExecuteDeleteAsync(cancellationToken);
        await db.Awards.Where(a => a.IsDemo).ExecuteDeleteAsync(cancellationToken);
        await db.Events.Where(e => e.IsDemo).ExecuteDeleteAsync(cancellationToken);
        await db.CoverageSnapshots.Where(c => c.IsDemo).ExecuteDeleteAsync(cancellationToken);
        await db.Resources.Where(r => r.IsDemo).ExecuteDeleteAsync(cancellationToken);
        var rigs = await db.Rigs.Where(r => r.IsDemo).ExecuteDeleteAsync(cancellationToken);
        var people = await db.Users.Where(u => u.IsDemo).ExecuteDeleteAsync(cancellationToken);
        if (rigs + people > 0)
        {
            logger.LogWarning("Removed demo data outside Development: {Rigs} RIGs, {Users} users", rigs, people);
        }
    }

    private static void EnsureSucceeded(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
