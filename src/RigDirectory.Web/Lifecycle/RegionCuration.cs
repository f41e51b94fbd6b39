using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Auditing;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Directory;

namespace RigDirectory.Web.Lifecycle;

/// <summary>
/// Regions are data curators own: create one, move a state or province into it (its schools, map shape, counts and
/// contacts follow at once), retire one whose states have all moved. Each is audited and every directory page
/// starts again.
/// </summary>
public sealed class RegionCuration(AppDbContext db, AuditLog audit, DirectoryCache directoryCache, TimeProvider clock)
{
    public async Task<LifecycleResult> CreateAsync(NewRegionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var name = input.Name.Trim();
        if (await db.Regions.Active().AnyAsync(r => r.Name == name, cancellationToken))
        {
            return LifecycleResult.Invalid("NewRegion.Name", "A region already has this name.");
        }

        await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
        var region = new Region
        {
            Slug = await RigDrafts.UniqueSlugAsync(db.Regions.Select(r => r.Slug), SlugRules.From(name), cancellationToken),
            Name = name,
            Country = input.Country,
            SortOrder = (await db.Regions.MaxAsync(r => (int?)r.SortOrder, cancellationToken) ?? 0) + 1,
        };
        db.Regions.Add(region);
        await db.SaveChangesAsync(cancellationToken);
        Audit(region, AuditAction.RegionCreated, AuditChanges.Of(nameof(Region.Name), null, name));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await directoryCache.EvictAsync(cancellationToken);
        return LifecycleResult.Ok($"{name} is created: move its states and provinces into it.");
    }

    public async Task<LifecycleResult> MoveStateAsync(string slug, string? code, CancellationToken cancellationToken)
    {
        var region = await db.Regions.Active().SingleOrDefaultAsync(r => r.Slug == slug, cancellationToken);
        var state = await db.Jurisdictions.Include(j => j.Region).SingleOrDefaultAsync(j => j.Code == code, cancellationToken);
        if (region is null)
        {
            return LifecycleResult.NotFound;
        }

        if (state is null || state.RegionId == region.Id)
        {
            return LifecycleResult.Refused("Choose a state or province from another region.");
        }

        Audit(region, AuditAction.StateMoved, AuditChanges.Of(state.Name, state.Region!.Name, region.Name));
        state.RegionId = region.Id;
        await db.SaveChangesAsync(cancellationToken);
        await directoryCache.EvictAsync(cancellationToken);
        return LifecycleResult.Ok($"{state.Name} is now in {region.Name}: the map and counts show it there.");
    }

    /// <summary>Retires a region whose states have all moved; its contacts and history are kept.</summary>
    public async Task<LifecycleResult> RetireAsync(string slug, CancellationToken cancellationToken)
    {
        var region = await db.Regions.Active().Include(r => r.Jurisdictions).SingleOrDefaultAsync(r => r.Slug == slug, cancellationToken);
        if (region is null)
        {
            return LifecycleResult.NotFound;
        }

        if (region.Jurisdictions.Count > 0)
        {
            return LifecycleResult.Refused($"Move its {region.Jurisdictions.Count} states and provinces to other regions first.");
        }

        region.RetiredAt = clock.GetUtcNow().UtcDateTime;
        Audit(region, AuditAction.RegionRetired, AuditChanges.Of("Retired", null, region.RetiredAt.Value.ToString("O", CultureInfo.InvariantCulture)));
        await db.SaveChangesAsync(cancellationToken);
        await directoryCache.EvictAsync(cancellationToken);
        return LifecycleResult.Ok($"{region.Name} is retired.");
    }

    private void Audit(Region region, AuditAction action, AuditChanges changes) =>
        audit.Record(nameof(Region), region.Id.ToString(CultureInfo.InvariantCulture), null, action, changes);
}

/// <summary>Exactly what the new-region form posts.</summary>
public sealed class NewRegionInput
{
    [Required(ErrorMessage = "Enter the region's name.")]
    [StringLength(Limits.Name, MinimumLength = 2, ErrorMessage = "Enter the region's name (2 to 200 characters).")]
    public string Name { get; set; } = "";

    public Country Country { get; set; }
}
