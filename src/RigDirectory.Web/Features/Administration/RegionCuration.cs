using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Auditing;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Kernel;

namespace RigDirectory.Web.Features.Administration;

/// <summary>
/// Regions are data curators own: create one, move a state or province into it (its schools, map shape, counts and
/// contacts follow at once), retire one whose states have all moved. Each is audited and every directory page
/// starts again.
/// </summary>
public sealed class RegionCuration(AppDbContext db, AuditLog audit, SaveStep save, TimeProvider clock)
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
            Slug = await Slugs.UniqueAsync(db.Regions.Select(r => r.Slug), SlugRules.From(name), cancellationToken),
            Name = name,
            Country = input.Country,
            SortOrder = (await db.Regions.MaxAsync(r => (int?)r.SortOrder, cancellationToken) ?? 0) + 1,
        };
        return await save.AddAsync(region, added => Audit(added, AuditAction.RegionCreated, AuditChanges.Of(nameof(Region.Name), null, name)),
            _ => LifecycleResult.Ok($"{name} is created: move its states and provinces into it."), cancellationToken, added => new RegionChanged(added.Id), transaction);
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
        return await SaveAsync(region, $"{state.Name} is now in {region.Name}: the map and counts show it there.", cancellationToken);
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
        return await SaveAsync(region, $"{region.Name} is retired.", cancellationToken);
    }

    /// <summary>Renames and describes a region.</summary>
    public async Task<LifecycleResult> EditAsync(string slug, string name, string? description, CancellationToken cancellationToken)
    {
        var region = await db.Regions.SingleOrDefaultAsync(r => r.Slug == slug, cancellationToken);
        if (region is null)
        {
            return LifecycleResult.NotFound;
        }

        description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        Audit(region, AuditAction.RegionEdited, new AuditChanges().With(nameof(Region.Name), region.Name, name.Trim()).With(nameof(Region.Description), region.Description, description));
        region.Name = name.Trim();
        region.Description = description;
        return await SaveAsync(region, $"{region.Name} is saved.", cancellationToken);
    }

    /// <summary>Adds a contact students of the region can write to.</summary>
    public async Task<LifecycleResult> AddContactAsync(string slug, string name, string role, string email, CancellationToken cancellationToken)
    {
        var region = await db.Regions.Include(r => r.Contacts).SingleOrDefaultAsync(r => r.Slug == slug, cancellationToken);
        if (region is null)
        {
            return LifecycleResult.NotFound;
        }

        (name, email) = (name.Trim(), email.Trim());
        region.Contacts.Add(new RegionalContact { Name = name, Role = role.Trim(), Email = email, SortOrder = region.Contacts.Count });
        Audit(region, AuditAction.RegionalContactAdded, AuditChanges.Of("Contact", null, $"{name} <{email}>"));
        return await SaveAsync(region, $"{name} was added to {region.Name}.", cancellationToken);
    }

    public async Task<LifecycleResult> RemoveContactAsync(string slug, int contactId, CancellationToken cancellationToken)
    {
        var contact = await db.RegionalContacts.Include(c => c.Region).SingleOrDefaultAsync(c => c.Id == contactId && c.Region!.Slug == slug, cancellationToken);
        if (contact is null)
        {
            return LifecycleResult.NotFound;
        }

        db.RegionalContacts.Remove(contact);
        Audit(contact.Region!, AuditAction.RegionalContactRemoved, AuditChanges.Of("Contact", $"{contact.Name} <{contact.Email}>", null));
        return await SaveAsync(contact.Region!, $"{contact.Name} was removed.", cancellationToken);
    }

    private Task<LifecycleResult> SaveAsync(Region region, string message, CancellationToken cancellationToken) =>
        save.CommitAsync(LifecycleResult.Ok(message), cancellationToken, new RegionChanged(region.Id));

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
