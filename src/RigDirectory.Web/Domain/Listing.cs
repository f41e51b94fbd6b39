namespace RigDirectory.Web.Domain;

/// <summary>The directory's two listing rules as query filters, for every query that shows RIGs or schools.</summary>
public static class Listing
{
    /// <summary>Only these RIGs are ever public (<see cref="RigVisibility.IsPublic"/>).</summary>
    public static IQueryable<Rig> Published(this IQueryable<Rig> rigs) => rigs.Where(RigVisibility.IsPublic);

    /// <summary>Schools students can choose and see: not waiting for a first RIG's approval, not retired.</summary>
    public static IQueryable<School> Listed(this IQueryable<School> schools) => schools.Where(s => s.Status == SchoolStatus.Listed);
}
