using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Auditing;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Directory;
using RigDirectory.Web.Kernel;

namespace RigDirectory.Web.Features.Registration;

/// <summary>How a registration begins and moves through the wizard's steps: the draft, its slug, a requested school.</summary>
public sealed class RigDrafts(AppDbContext db, AuditLog audit, SaveStep save, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Creates the draft with its "Started" entry; returns its id.</summary>
    public async Task<int> CreateAsync(School school, string? note, Actor by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(school);
        var name = $"Radiology Interest Group at {school.DisplayName}";
        var rig = new Rig
        {
            Slug = "",
            Name = name.Length > Limits.Name ? name[..Limits.Name] : name,
            School = school,
            Status = RigStatus.Draft,
            RegistrationStep = RegistrationStep.Sponsors,
            CreatedByUserId = by.UserId,
            CreatedAt = Now,
            UpdatedAt = Now,
        };
        // Two saves (the entry needs the new id), one transaction: no draft without its "Started" entry. The slug is
        // picked inside it, in the database's write turn, so that two students starting at one school at the same
        // moment do not both pick "school-rig".
        await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
        rig.Slug = await Slugs.UniqueAsync(db.Rigs.Select(r => r.Slug), SlugRules.From($"{school.Slug} rig"), cancellationToken);
        await save.AddAsync(rig, added => audit.Rig(added.Id, AuditAction.Started, note: note), _ => LifecycleResult.Ok(), cancellationToken, transaction: transaction);
        return rig.Id;
    }

    /// <summary>A school the directory does not list yet, waiting (Requested) for its first RIG's approval.</summary>
    public async Task<School> RequestSchoolAsync(MissingSchoolInput input, Jurisdiction jurisdiction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(jurisdiction);
        var school = new School
        {
            Slug = await Slugs.UniqueAsync(db.Schools.Select(s => s.Slug), SlugRules.From($"{input.Name} {input.Campus} {input.City}"), cancellationToken),
            Name = input.Name.Trim(),
            Campus = string.IsNullOrWhiteSpace(input.Campus) ? null : input.Campus.Trim(),
            City = input.City.Trim(),
            JurisdictionCode = jurisdiction.Code,
            Country = jurisdiction.Country,
            Degree = input.Degree,
            Status = SchoolStatus.Requested,
            CreatedAt = Now,
            UpdatedAt = Now,
        };
        db.Schools.Add(school);
        return school;
    }

    /// <summary>Records that the leaders reached <paramref name="step"/>, so the draft resumes there.</summary>
    public void Reached(Rig rig, RegistrationStep step)
    {
        ArgumentNullException.ThrowIfNull(rig);
        rig.UpdatedAt = Now;
        if (step > rig.RegistrationStep)
        {
            rig.RegistrationStep = step;
        }
    }
}
