using System.Data.Common;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Infrastructure;

namespace RigDirectory.Web.Data;

/// <summary>
/// The one model of the app, Identity included. Each database provider has a concrete subclass so that
/// each keeps its own migrations.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Jurisdiction> Jurisdictions => Set<Jurisdiction>();
    public DbSet<RegionalContact> RegionalContacts => Set<RegionalContact>();
    public DbSet<School> Schools => Set<School>();
    public DbSet<Rig> Rigs => Set<Rig>();
    public DbSet<FacultySponsor> FacultySponsors => Set<FacultySponsor>();
    public DbSet<RigOfficer> RigOfficers => Set<RigOfficer>();
    public DbSet<OfficerInvitation> OfficerInvitations => Set<OfficerInvitation>();
    public DbSet<RigVerificationLink> RigVerificationLinks => Set<RigVerificationLink>();
    public DbSet<RigClaim> RigClaims => Set<RigClaim>();
    public DbSet<Event> Events => Set<Event>();
    public DbSet<EventRegistration> EventRegistrations => Set<EventRegistration>();
    public DbSet<CalendarFeedKey> CalendarFeedKeys => Set<CalendarFeedKey>();
    public DbSet<RigInterest> RigInterests => Set<RigInterest>();
    public DbSet<MentorProfile> MentorProfiles => Set<MentorProfile>();
    public DbSet<Subspecialty> Subspecialties => Set<Subspecialty>();
    public DbSet<Mentorship> Mentorships => Set<Mentorship>();
    public DbSet<MentorshipReport> MentorshipReports => Set<MentorshipReport>();
    public DbSet<RigMentor> RigMentors => Set<RigMentor>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<SecurityEvent> SecurityEvents => Set<SecurityEvent>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<CoverageSnapshot> CoverageSnapshots => Set<CoverageSnapshot>();
    public DbSet<Resource> Resources => Set<Resource>();
    public DbSet<ResourceRevision> ResourceRevisions => Set<ResourceRevision>();
    public DbSet<ResourceAttachment> ResourceAttachments => Set<ResourceAttachment>();
    public DbSet<FundingCall> FundingCalls => Set<FundingCall>();
    public DbSet<FundingApplication> FundingApplications => Set<FundingApplication>();
    public DbSet<FundingReportPhoto> FundingReportPhotos => Set<FundingReportPhoto>();
    public DbSet<Award> Awards => Set<Award>();
    public DbSet<Nomination> Nominations => Set<Nomination>();

    /// <summary>The keys that sign cookies and antiforgery tokens, shared by every instance on this database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Entries saved inside a transaction not committed yet: their log lines wait for the commit.</summary>
    private readonly List<AuditEntry> _auditedUncommitted = [];

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        optionsBuilder.AddInterceptors(AuditedOnCommit.Instance);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Every timestamp is UTC; SQLite forgets the kind, so restore it on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        var audited = AddedAuditEntries();
        using var turn = Database.CurrentTransaction is null ? EnterWrite() : null;
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        LogAudited(audited);
        return saved;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        var audited = AddedAuditEntries();
        using var turn = Database.CurrentTransaction is null ? await EnterWriteAsync(cancellationToken) : null;
        int saved;
        try
        {
            saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateException) when (ChangeTracker.Entries<IdentityUserRole<string>>().Any(e => e.State == EntityState.Added))
        {
            if (!await ForgetRolesGrantedMeanwhileAsync(cancellationToken))
            {
                throw;
            }

            saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        LogAudited(audited);
        return saved;
    }

    /// <summary>
    /// Granting a role the user already has is a no-op, never an error: when two approvals of one student's RIGs both
    /// grant RigLeader, the second save drops the grant the first made meanwhile and saves the rest. True when it
    /// dropped one (so saving again can succeed).
    /// </summary>
    private async Task<bool> ForgetRolesGrantedMeanwhileAsync(CancellationToken cancellationToken)
    {
        var added = ChangeTracker.Entries<IdentityUserRole<string>>().Where(e => e.State == EntityState.Added).ToList();
        if (added.Count == 0)
        {
            return false;
        }

        var users = added.Select(e => e.Entity.UserId).Distinct().ToList();
        var granted = await UserRoles.AsNoTracking().Where(ur => users.Contains(ur.UserId)).Select(ur => new { ur.UserId, ur.RoleId }).ToListAsync(cancellationToken);
        var meanwhile = added.Where(e => granted.Any(g => g.UserId == e.Entity.UserId && g.RoleId == e.Entity.RoleId)).ToList();
        meanwhile.ForEach(e => e.State = EntityState.Detached);
        return meanwhile.Count > 0;
    }

    private List<AuditEntry> AddedAuditEntries() =>
        [.. ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)];

    /// <summary>Each audited change, once saved, as a business event in the log: ids only (see <see cref="BusinessEvents"/>).</summary>
    /// <summary>
    /// Each audit entry is also a log line, written once the entry is in the database for good: at once after a save
    /// of its own, at the commit of the transaction it was saved in, never for a change rolled back.
    /// </summary>
    private void LogAudited(List<AuditEntry> audited)
    {
        if (Database.CurrentTransaction is not null)
        {
            _auditedUncommitted.AddRange(audited);
            return;
        }

        WriteAuditLines(audited);
    }

    /// <summary>A transaction ended: its entries' lines are written when it committed, dropped when it did not.</summary>
    internal void TransactionEnded(bool committed)
    {
        List<AuditEntry> ended = [.. _auditedUncommitted];
        _auditedUncommitted.Clear();
        if (committed)
        {
            WriteAuditLines(ended);
        }
    }

    private void WriteAuditLines(List<AuditEntry> audited)
    {
        if (audited.Count == 0)
        {
            return;
        }

        var logger = this.GetService<ILoggerFactory>().CreateLogger("RigDirectory.Audit");
        foreach (var entry in audited)
        {
            BusinessEvents.Audited(logger, entry.Action, entry.EntityType, entry.EntityId, entry.RigId, entry.UserId);
        }
    }

    /// <summary>
    /// A transaction of several statements that holds the database's write turn from start to commit (saves inside
    /// it take no turn of their own). Dispose it to roll back if it was not committed.
    /// </summary>
    public async Task<WriteTransaction> BeginWriteTransactionAsync(CancellationToken cancellationToken)
    {
        var turn = await EnterWriteAsync(cancellationToken);
        try
        {
            return new WriteTransaction(await Database.BeginTransactionAsync(cancellationToken), turn);
        }
        catch
        {
            turn?.Dispose();
            throw;
        }
    }

    /// <summary>A write outside <c>SaveChanges</c> (<c>ExecuteUpdate</c>, <c>ExecuteDelete</c>) in the database's write turn.</summary>
    public async Task<T> WriteAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var turn = Database.CurrentTransaction is null ? await EnterWriteAsync(cancellationToken) : null;
        return await write();
    }

    /// <summary>The database's write turn, where writers must take turns (SQLite); null where they need not.</summary>
    protected virtual Task<IDisposable?> EnterWriteAsync(CancellationToken cancellationToken) => Task.FromResult<IDisposable?>(null);

    protected virtual IDisposable? EnterWrite() => null;

    /// <summary>
    /// A RIG's bookkeeping that changes with every step a leader takes (when, how far); it changes no content, so it
    /// bumps no version: co-leaders adding sponsors or officers at the same moment do not collide. On anything else a
    /// touched <c>UpdatedAt</c> is a change: an event's seats and waitlist move with every registration, and each
    /// registration touches it so that two of them collide instead of overwriting each other.
    /// </summary>
    private static readonly HashSet<string> Bookkeeping = [nameof(Rig.UpdatedAt), nameof(Rig.RegistrationStep)];

    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified && entry.Properties.Any(p => p.IsModified && !(entry.Entity is Rig && Bookkeeping.Contains(p.Metadata.Name))))
            {
                entry.Entity.Version++;
            }
        }
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options)
{
    protected override async Task<IDisposable?> EnterWriteAsync(CancellationToken cancellationToken) =>
        await SqliteWriteGate.EnterAsync(Database.GetDbConnection(), cancellationToken);

    protected override IDisposable? EnterWrite() => SqliteWriteGate.Enter(Database.GetDbConnection());
}

public sealed class SqlServerAppDbContext(DbContextOptions<SqlServerAppDbContext> options) : AppDbContext(options);

/// <summary>A transaction holding the database's write turn until it is committed or disposed.</summary>
public sealed class WriteTransaction(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, IDisposable? turn) : IAsyncDisposable
{
    /// <summary>Commits and gives up the write turn at once, so that saves after it in the same request take their own.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            turn?.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await transaction.DisposeAsync();
        }
        finally
        {
            turn?.Dispose();
        }
    }
}

/// <summary>Tells the context when a transaction ends, so that audit log lines follow only committed entries.</summary>
internal sealed class AuditedOnCommit : DbTransactionInterceptor
{
    public static readonly AuditedOnCommit Instance = new();

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        Ended(eventData, committed: true);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(eventData, committed: true);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        Ended(eventData, committed: false);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(eventData, committed: false);
        return Task.CompletedTask;
    }

    /// <summary>A transaction disposed without a commit or rollback (an exception, an early return) rolls back: its lines go.</summary>
    public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Ended(eventData, committed: false);
        return result;
    }

    public override ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        Ended(eventData, committed: false);
        return ValueTask.FromResult(result);
    }

    private static void Ended(DbContextEventData eventData, bool committed) =>
        (eventData.Context as AppDbContext)?.TransactionEnded(committed);
}
