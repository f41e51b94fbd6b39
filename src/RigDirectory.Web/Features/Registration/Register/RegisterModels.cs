using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Directory;

namespace RigDirectory.Web.Features.Registration.Register;

/// <summary>A wizard page: the registration so far and the form of this step.</summary>
public sealed record RegistrationPage<TInput>(RegistrationViewModel Registration, TInput Input);

public sealed record DraftRow(int Id, string Name, string School, RigStatus Status, RegistrationStep Step);

/// <summary>The school step: the schools found to move the registration to, and the search that found them.</summary>
public sealed record SchoolStepModel(string? CurrentSlug, string? Query, IReadOnlyList<SchoolChoice> Found);

public sealed record StateChoice(string Code, string Name);

public sealed record StartViewModel(IReadOnlyList<DraftRow> Drafts, string Query, IReadOnlyList<SchoolChoice> Schools, IReadOnlyList<StateChoice> States, MissingSchoolInput MissingSchool);
