using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Common;
using RigDirectory.Web.Lifecycle;

namespace RigDirectory.Web.Features.Register;

/// <summary>A wizard page: the registration so far and the form of this step.</summary>
public sealed record RegistrationPage<TInput>(RegistrationViewModel Registration, TInput Input);

public sealed record DraftRow(int Id, string Name, string School, RigStatus Status, RegistrationStep Step);

/// <summary>
/// A school the wizard offers. Unavailable without saying why unless its RIG is public: the type-ahead answers anyone
/// signed in, and must not reveal that an unpublished registration exists.
/// </summary>
public sealed record SchoolChoice(string Slug, string Name, string? Campus, string City, string PostalCode, string? ApprovedRigSlug, bool Available);

public sealed record StateChoice(string Code, string Name);

public sealed record StartViewModel(IReadOnlyList<DraftRow> Drafts, string Query, IReadOnlyList<SchoolChoice> Schools, IReadOnlyList<StateChoice> States, MissingSchoolInput MissingSchool);
