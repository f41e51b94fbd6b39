using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Data;

/// <summary>
/// The one model of the app, Identity included. Each database provider has a concrete subclass so that
/// each keeps its own migrations.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Jurisdiction> Jurisdictions => Set<Jurisdiction>();
    public DbSet<RegionalContact> RegionalContacts => Set<RegionalContact>();
    public DbSet<School> Schools => Set<School>();
    public DbSet<Rig> Rigs => Set<Rig>();
    public DbSet<FacultySponsor> FacultySponsors => Set<FacultySponsor>();
    public DbSet<RigOfficer> RigOfficers => Set<RigOfficer>();
    public DbSet<OfficerInvitation> OfficerInvitations => Set<OfficerInvitation>();
    public DbSet<RigEvent> RigEvents => Set<RigEvent>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<SecurityEvent> SecurityEvents => Set<SecurityEvent>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

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
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Bookkeeping that changes with every step a leader takes (when, how far); it changes no content, so it bumps no
    /// version: co-leaders adding sponsors or officers at the same moment do not collide.
    /// </summary>
    private static readonly HashSet<string> Bookkeeping = [nameof(Rig.UpdatedAt), nameof(Rig.RegistrationStep)];

    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified && entry.Properties.Any(p => p.IsModified && !Bookkeeping.Contains(p.Metadata.Name)))
            {
                entry.Entity.Version++;
            }
        }
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

public sealed class SqlServerAppDbContext(DbContextOptions<SqlServerAppDbContext> options) : AppDbContext(options);
