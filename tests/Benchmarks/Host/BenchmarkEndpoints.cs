using System.Data.Common;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RigDirectory.Web.Auditing;
using RigDirectory.Web.Data;
using RigDirectory.Web.Data.Seed;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Registration;
using RigDirectory.Web.Kernel;

namespace RigDirectory.BenchmarkHost;

/// <summary>
/// The benchmark's yardsticks and actors, mapped only by the benchmark host (never by the app itself): N bytes (optionally labelled
/// br or gzip) straight from memory; the profile and list produced the raw way (hand-written SQL through ADO.NET
/// and a StringBuilder: no MVC, no EF); a sign-in as a seeded officer; and a write through the real lifecycle,
/// as leaders and admins make them.
/// </summary>
public static class BenchmarkEndpoints
{
    private const int MaxBytes = 4 * 1024 * 1024;

    public static WebApplication MapBenchmarkEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var content = CreateBytes();
        app.MapGet("/benchmark/baseline", (HttpContext context, int bytes, string? encoding) =>
        {
            if (encoding is "br" or "gzip")
            {
                context.Response.Headers.ContentEncoding = encoding;
            }

            return Results.Bytes(content.AsMemory(0, Math.Clamp(bytes, 0, MaxBytes)), "text/html; charset=utf-8");
        }).AllowAnonymous();
        app.MapGet("/benchmark/raw/rigs/{slug}", RawProfileAsync).AllowAnonymous();
        app.MapGet("/benchmark/raw/rigs", RawListAsync).AllowAnonymous();
        app.MapGet("/benchmark/raw/mentors", RawMentorsAsync).AllowAnonymous();
        app.MapGet("/benchmark/raw/events", RawEventsAsync).AllowAnonymous();
        app.MapGet("/benchmark/raw/schools/{slug}", RawSchoolAsync).AllowAnonymous();
        app.MapGet("/benchmark/raw/my/rigs/{userId}", RawMyRigsAsync).AllowAnonymous();
        app.MapGet("/benchmark/raw/my/mentoring/{userId}", RawMyMentoringAsync).AllowAnonymous();
        app.MapPost("/benchmark/sign-in/{officer:int}", SignInAsync).AllowAnonymous().DisableAntiforgery();
        app.MapPost("/benchmark/sign-in/mentor/{mentor:int}", SignInMentorAsync).AllowAnonymous().DisableAntiforgery();
        app.MapPost("/benchmark/write/{n:int}", WriteAsync).AllowAnonymous().DisableAntiforgery();
        app.MapGet("/benchmark/writes/committed", CommittedWritesAsync).AllowAnonymous();
        return app;
    }

    /// <summary>Signs in as seeded officer N (no password: benchmark data only), for the signed-in rows.</summary>
    private static Task<IResult> SignInAsync(int officer, UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn) =>
        SignInAsAsync($"benchmark-officer-{officer:D3}", users, signIn);

    /// <summary>Signs in as seeded mentor N, for "My mentoring".</summary>
    private static Task<IResult> SignInMentorAsync(int mentor, UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn) =>
        SignInAsAsync($"benchmark-mentor-{mentor:D5}", users, signIn);

    private static async Task<IResult> SignInAsAsync(string userId, UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return Results.NotFound();
        }

        await signIn.SignInAsync(user, isPersistent: false);
        return Results.NoContent();
    }

    /// <summary>
    /// Write N, through <see cref="RigLifecycle"/> and <see cref="RigPeople"/> as leaders and admins make them: odd
    /// ones a leader confirming their RIG is still active (profile and list change); N = 4k an admin archiving or
    /// restoring a RIG (map, school and region change too); N = 4k + 2 a leader adding a faculty sponsor, four
    /// writers in a row to the same RIG, so co-leaders' additions collide. 200 only when the write is committed;
    /// a lost race (409) or a refusal (422) is an honest answer, never a 5xx.
    /// </summary>
    private static async Task<IResult> WriteAsync(int n, HttpContext context, AppDbContext db, RigLifecycle lifecycle, RigPeople people, SignInManager<ApplicationUser> signIn, IOptions<BenchmarkOptions> benchmark, CancellationToken cancellationToken)
    {
        var rigs = Math.Max(1, benchmark.Value.Rigs);
        var addsSponsor = n % 4 == 2;
        var slug = $"benchmark-rig-{(addsSponsor ? Math.Abs(n) / 16 : Math.Abs(n)) % rigs:D5}";
        var rig = await db.Rigs.AsNoTracking().Where(r => r.Slug == slug)
            .Select(r => new { r.Id, r.Status, r.Version, Officer = r.Officers.Select(o => o.UserId).First() })
            .SingleOrDefaultAsync(cancellationToken);
        if (rig is null)
        {
            return Results.NotFound();
        }

        LifecycleResult result;
        if (n % 2 == 1 || addsSponsor)
        {
            context.User = await signIn.CreateUserPrincipalAsync(await db.Users.SingleAsync(u => u.Id == rig.Officer, cancellationToken));
            result = addsSponsor
                ? await people.AddSponsorAsync(rig.Id, new SponsorInput { Name = $"Benchmark Sponsor {n}", Title = "Professor of Radiology", Email = $"sponsor-{n}@benchmark.example.org" }, Actor.From(context.User), cancellationToken)
                : await lifecycle.ConfirmActiveAsync(rig.Id, Actor.From(context.User), cancellationToken);
        }
        else
        {
            context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "benchmark-admin"), new Claim(ClaimTypes.Name, "Benchmark admin")], "Benchmark"));
            var input = new StatusChangeInput { Note = "Benchmark write", Version = rig.Version };
            result = rig.Status == RigStatus.Approved ? await lifecycle.ArchiveAsync(rig.Id, input, cancellationToken) : await lifecycle.RestoreAsync(rig.Id, input, cancellationToken);
        }

        return Results.Text(result.Outcome.ToString(), statusCode: result.Outcome switch
        {
            Outcome.Ok => StatusCodes.Status200OK,
            Outcome.Conflict => StatusCodes.Status409Conflict,
            Outcome.NotFound => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status422UnprocessableEntity,
        });
    }

    /// <summary>
    /// How many benchmark writes are committed: each one that answered 200 recorded exactly one of these audit
    /// entries in its own transaction, so acknowledged writes minus this count (taken before and after) is what was lost.
    /// </summary>
    private static async Task<IResult> CommittedWritesAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        AuditAction[] actions = [AuditAction.Verified, AuditAction.Archived, AuditAction.Restored, AuditAction.SponsorAdded];
        return Results.Text((await db.AuditEntries.CountAsync(a => actions.Contains(a.Action), cancellationToken)).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task<IResult> RawProfileAsync(string slug, AppDbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT r.Name, r.Description, r.ContactEmail, r.ContactVisibility, s.Slug, s.Name, s.City, j.Name, g.Slug, g.Name
            FROM Rigs r JOIN Schools s ON s.Id = r.SchoolId JOIN Jurisdictions j ON j.Code = s.JurisdictionCode JOIN Regions g ON g.Id = j.RegionId
            WHERE r.Slug = $slug AND r.Status = 'Approved' AND s.Status = 'Listed';
            SELECT f.Name, f.Title FROM FacultySponsors f JOIN Rigs r ON r.Id = f.RigId
            WHERE r.Slug = $slug AND f.ConfirmedAt IS NOT NULL ORDER BY f.SortOrder;
            SELECT u.DisplayName, o.Position FROM RigOfficers o JOIN Rigs r ON r.Id = o.RigId JOIN AspNetUsers u ON u.Id = o.UserId
            WHERE r.Slug = $slug AND o.EndedAt IS NULL ORDER BY o.StartedAt;
            """;
        AddParameter(command, "$slug", slug);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return Results.NotFound();
        }

        var html = Page(reader.GetString(0));
        html.Append("<h1>").Append(Encode(reader.GetString(0))).Append("</h1><p class=\"lead\"><a href=\"/schools/").Append(Encode(reader.GetString(4))).Append("\">")
            .Append(Encode(reader.GetString(5))).Append("</a> · ").Append(Encode(reader.GetString(6))).Append(", ").Append(Encode(reader.GetString(7)))
            .Append(" · <a href=\"/regions/").Append(Encode(reader.GetString(8))).Append("\">").Append(Encode(reader.GetString(9))).Append("</a></p>")
            .Append("<p>").Append(Encode(reader.IsDBNull(1) ? "" : reader.GetString(1))).Append("</p>");
        if (reader.GetString(3) == nameof(ContactVisibility.Public) && !reader.IsDBNull(2))
        {
            html.Append("<p>Contact: <a href=\"mailto:").Append(Encode(reader.GetString(2))).Append("\">").Append(Encode(reader.GetString(2))).Append("</a></p>");
        }

        html.Append("<h2>Faculty sponsors</h2><ul>");
        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            html.Append("<li>").Append(Encode(reader.GetString(0))).Append(reader.IsDBNull(1) ? "" : ", " + Encode(reader.GetString(1))).Append("</li>");
        }

        html.Append("</ul><h2>Officers</h2><ul>");
        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            html.Append("<li>").Append(Encode(reader.GetString(0))).Append(", ").Append(Encode(reader.GetString(1))).Append("</li>");
        }

        return Results.Content(html.Append("</ul></main></body></html>").ToString(), "text/html; charset=utf-8");
    }

    private static async Task<IResult> RawListAsync(AppDbContext db, CancellationToken cancellationToken, int page = 1)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT r.Slug, r.Name, s.Name, s.Campus, s.City, j.Code
            FROM Rigs r JOIN Schools s ON s.Id = r.SchoolId JOIN Jurisdictions j ON j.Code = s.JurisdictionCode
            WHERE r.Status = 'Approved' AND s.Status = 'Listed'
            ORDER BY r.Name, r.Slug LIMIT 20 OFFSET $offset
            """;
        AddParameter(command, "$offset", (Math.Clamp(page, 1, 10_000) - 1) * 20);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var html = Page("RIGs").Append("<h1>RIGs</h1><ol class=\"list-unstyled\">");
        while (await reader.ReadAsync(cancellationToken))
        {
            html.Append("<li><a href=\"/rigs/").Append(Encode(reader.GetString(0))).Append("\">").Append(Encode(reader.GetString(1))).Append("</a><div>")
                .Append(Encode(reader.GetString(2))).Append(reader.IsDBNull(3) ? "" : " — " + Encode(reader.GetString(3))).Append(" · ")
                .Append(Encode(reader.GetString(4))).Append(", ").Append(Encode(reader.GetString(5))).Append("</div></li>");
        }

        return Results.Content(html.Append("</ol></main></body></html>").ToString(), "text/html; charset=utf-8");
    }

    /// <summary>The finder's first page the raw way: 20 active mentors with room, newest first, with their subspecialties.</summary>
    private static async Task<IResult> RawMentorsAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT m.Id, u.DisplayName, m.Role, m.Institution, m.City, j.PostalCode, m.Format,
                   (SELECT group_concat(s.Name, ', ') FROM MentorSubspecialties ms JOIN Subspecialties s ON s.Id = ms.SubspecialtiesId WHERE ms.MentorsId = m.Id)
            FROM MentorProfiles m JOIN AspNetUsers u ON u.Id = m.UserId JOIN Jurisdictions j ON j.Code = m.JurisdictionCode
            WHERE m.Status = 'Active' AND m.ActiveMentees < m.Capacity
            ORDER BY m.ApprovedAt DESC, m.Id LIMIT 20
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var html = Page("Find a mentor").Append("<h1>Find a mentor</h1><ul class=\"list-unstyled\">");
        while (await reader.ReadAsync(cancellationToken))
        {
            html.Append("<li><article><h2><a href=\"/mentors/").Append(reader.GetInt32(0)).Append("\">").Append(Encode(reader.GetString(1))).Append("</a></h2><p>")
                .Append(Encode(reader.GetString(2))).Append(", ").Append(Encode(reader.GetString(3))).Append(" · ").Append(Encode(reader.GetString(4))).Append(", ").Append(Encode(reader.GetString(5)))
                .Append("</p><p>").Append(reader.IsDBNull(7) ? "" : Encode(reader.GetString(7))).Append("</p><p>").Append(Encode(reader.GetString(6))).Append("</p></article></li>");
        }

        return Results.Content(html.Append("</ul></main></body></html>").ToString(), "text/html; charset=utf-8");
    }

    /// <summary>The first page of upcoming events, as /events shows it unfiltered: hand-written SQL and a StringBuilder.</summary>
    private static async Task<IResult> RawEventsAsync(AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT e.Id, e.Title, e.Type, e.StartsAt, e.EndsAt, e.TimeZoneId, e.Format, e.Location, r.Slug, r.Name
            FROM Events e LEFT JOIN Rigs r ON r.Id = e.RigId
            WHERE e.Status = 'Scheduled' AND e.StartsAt >= @since AND e.EndsAt >= @now AND e.HiddenAt IS NULL AND (e.RigId IS NULL OR r.Status = 'Approved')
            ORDER BY e.StartsAt, e.Id LIMIT 20
            """;
        // Walks the (Status, StartsAt) index in order and stops at 20: an event ends at most EventRules.MaxLength after it starts.
        var now = clock.GetUtcNow().UtcDateTime;
        AddParameter(command, "@now", now.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture));
        AddParameter(command, "@since", (now - EventRules.MaxLength).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var html = Page("Events").Append("<h1>Events</h1><ul class=\"list-unstyled\">");
        while (await reader.ReadAsync(cancellationToken))
        {
            var when = EventTimeZones.Describe(DateTime.SpecifyKind(reader.GetDateTime(3), DateTimeKind.Utc), DateTime.SpecifyKind(reader.GetDateTime(4), DateTimeKind.Utc), reader.GetString(5));
            html.Append("<li><article><p>").Append(Encode(reader.GetString(2))).Append(" · ").Append(Encode(reader.GetString(6))).Append("</p><h3><a href=\"/events/").Append(reader.GetInt32(0)).Append("\">")
                .Append(Encode(reader.GetString(1))).Append("</a></h3><p>").Append(Encode(when)).Append("</p><p>")
                .Append(reader.IsDBNull(9) ? "ACR Medical Student Section" : Encode(reader.GetString(9))).Append("</p><p>")
                .Append(reader.IsDBNull(7) ? "" : Encode(reader.GetString(7))).Append("</p></article></li>");
        }

        return Results.Content(html.Append("</ul></main></body></html>").ToString(), "text/html; charset=utf-8");
    }

    /// <summary>A school's page the raw way: the school, its RIGs and its place (no map).</summary>
    private static async Task<IResult> RawSchoolAsync(string slug, AppDbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT s.Name, s.City, j.Name, g.Slug, g.Name, s.Website FROM Schools s JOIN Jurisdictions j ON j.Code = s.JurisdictionCode JOIN Regions g ON g.Id = j.RegionId
            WHERE s.Slug = $slug AND s.Status = 'Listed';
            SELECT r.Slug, r.Name FROM Rigs r JOIN Schools s ON s.Id = r.SchoolId WHERE s.Slug = $slug AND r.Status = 'Approved' ORDER BY r.Name;
            """;
        AddParameter(command, "$slug", slug);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return Results.NotFound();
        }

        var html = Page(reader.GetString(0)).Append("<h1>").Append(Encode(reader.GetString(0))).Append("</h1><p>").Append(Encode(reader.GetString(1))).Append(", ")
            .Append(Encode(reader.GetString(2))).Append(" · <a href=\"/regions/").Append(Encode(reader.GetString(3))).Append("\">").Append(Encode(reader.GetString(4))).Append("</a></p>")
            .Append(reader.IsDBNull(5) ? "" : "<p><a href=\"" + Encode(reader.GetString(5)) + "\">" + Encode(reader.GetString(5)) + "</a></p>").Append("<h2>Radiology interest group</h2><ul>");
        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            html.Append("<li><a href=\"/rigs/").Append(Encode(reader.GetString(0))).Append("\">").Append(Encode(reader.GetString(1))).Append("</a></li>");
        }

        return Results.Content(html.Append("</ul></main></body></html>").ToString(), "text/html; charset=utf-8");
    }

    /// <summary>"My RIGs" the raw way: the RIGs the user leads, with their school, status and the user's position.</summary>
    private static async Task<IResult> RawMyRigsAsync(string userId, AppDbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT r.Id, r.Slug, r.Name, s.Name, o.Position, r.Status,
                   (SELECT COUNT(*) FROM RigInterests i WHERE i.RigId = r.Id), (SELECT COUNT(*) FROM Events e WHERE e.RigId = r.Id AND e.Status = 'Scheduled')
            FROM RigOfficers o JOIN Rigs r ON r.Id = o.RigId JOIN Schools s ON s.Id = r.SchoolId
            WHERE o.UserId = $user AND o.EndedAt IS NULL ORDER BY r.Name
            """;
        AddParameter(command, "$user", userId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var html = Page("My RIGs").Append("<h1>My RIGs</h1>");
        while (await reader.ReadAsync(cancellationToken))
        {
            html.Append("<section><h2><a href=\"/rigs/").Append(Encode(reader.GetString(1))).Append("\">").Append(Encode(reader.GetString(2))).Append("</a></h2><p>")
                .Append(Encode(reader.GetString(3))).Append(" · ").Append(Encode(reader.GetString(4))).Append(" · ").Append(Encode(reader.GetString(5))).Append("</p><ul><li><a href=\"/my/rigs/")
                .Append(reader.GetInt32(0)).Append("/events\">Events (").Append(reader.GetInt32(7)).Append(")</a></li><li><a href=\"/my/rigs/").Append(reader.GetInt32(0))
                .Append("/interested\">Interested students (").Append(reader.GetInt32(6)).Append(")</a></li></ul></section>");
        }

        return Results.Content(html.Append("</main></body></html>").ToString(), "text/html; charset=utf-8");
    }

    /// <summary>"My mentoring" the raw way: the mentor's offer and their latest requests.</summary>
    private static async Task<IResult> RawMyMentoringAsync(string userId, AppDbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT m.Status, m.Capacity, m.ActiveMentees, m.Institution FROM MentorProfiles m WHERE m.UserId = $user;
            SELECT u.DisplayName, ms.Status, ms.Message FROM Mentorships ms JOIN MentorProfiles m ON m.Id = ms.MentorId JOIN AspNetUsers u ON u.Id = ms.StudentUserId
            WHERE m.UserId = $user ORDER BY ms.CreatedAt DESC LIMIT 20;
            """;
        AddParameter(command, "$user", userId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var html = Page("My mentoring").Append("<h1>My mentoring</h1>");
        if (await reader.ReadAsync(cancellationToken))
        {
            html.Append("<p>").Append(Encode(reader.GetString(3))).Append(" · ").Append(Encode(reader.GetString(0))).Append(" · ").Append(reader.GetInt32(2)).Append(" of ")
                .Append(reader.GetInt32(1)).Append(" places taken</p>");
        }

        html.Append("<h2>Requests</h2><ul>");
        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            html.Append("<li>").Append(Encode(reader.GetString(0))).Append(" · ").Append(Encode(reader.GetString(1))).Append("<p>").Append(Encode(reader.GetString(2))).Append("</p></li>");
        }

        return Results.Content(html.Append("</ul></main></body></html>").ToString(), "text/html; charset=utf-8");
    }

    private static StringBuilder Page(string title) => new StringBuilder(8192)
        .Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(Encode(title))
        .Append(" — RigDirectory</title></head><body><main class=\"container\">");

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static byte[] CreateBytes()
    {
        var bytes = new byte[MaxBytes];
        new Random(1).NextBytes(bytes);
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)('a' + (bytes[i] % 26));
        }

        return bytes;
    }
}
