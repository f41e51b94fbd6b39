using System.ComponentModel.DataAnnotations;
using System.Globalization;
using RigDirectory.Web.Auditing;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;

using RigDirectory.Web.Kernel;

namespace RigDirectory.Web.Features.FundingAndAwards;

/// <summary>Exactly what the funding call form posts.</summary>
public sealed class FundingCallInput : IValidatableObject
{
    [Required(ErrorMessage = "Enter a title.")]
    [StringLength(Limits.Name, MinimumLength = 3, ErrorMessage = "Enter a title (3 to 200 characters).")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "Say what the call funds.")]
    [StringLength(Limits.Note, MinimumLength = 10, ErrorMessage = "Say what the call funds (10 to 2,000 characters).")]
    [Display(Name = "What it funds")]
    public string Funds { get; set; } = "";

    [Range(1, Domain.Funding.MaxDollars, ErrorMessage = "Enter the most one award can be, in whole dollars (1 to 1,000,000).")]
    [Display(Name = "Most per award (US$)")]
    public int MaxAward { get; set; }

    [Range(1, Domain.Funding.MaxDollars, ErrorMessage = "Enter the call's total budget, in whole dollars (1 to 1,000,000).")]
    [Display(Name = "Total budget (US$)")]
    public int Budget { get; set; }

    [Required(ErrorMessage = "Enter the day the call opens.")]
    [Display(Name = "Opens on")]
    public DateOnly? OpensOn { get; set; }

    [Required(ErrorMessage = "Enter the day the call closes.")]
    [Display(Name = "Closes on (at 11:59 PM Eastern)")]
    public DateOnly? ClosesOn { get; set; }

    [Display(Name = "Only RIGs verified by their leaders within the last 12 months")]
    public bool RequiresRecentVerification { get; set; } = true;

    [StringLength(Limits.Note, ErrorMessage = "Keep the questions under 2,000 characters.")]
    [Display(Name = "Questions applicants answer (one per line, up to 5)")]
    public string? Questions { get; set; }

    public int Version { get; set; }

    public static FundingCallInput From(FundingCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return new FundingCallInput
        {
            Title = call.Title,
            Funds = call.Funds,
            MaxAward = call.MaxAward,
            Budget = call.Budget,
            OpensOn = Domain.Funding.OpensOn(call.OpensAt),
            ClosesOn = Domain.Funding.ClosesOn(call.ClosesAt),
            RequiresRecentVerification = call.RequiresRecentVerification,
            Questions = call.Questions,
            Version = call.Version,
        };
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (OpensOn is { } opens && ClosesOn is { } closes && closes < opens)
        {
            yield return new ValidationResult("The call must close on or after the day it opens.", [nameof(ClosesOn)]);
        }

        if (MaxAward > Budget)
        {
            yield return new ValidationResult("One award cannot be more than the whole budget.", [nameof(MaxAward)]);
        }

        var questions = Domain.Funding.SplitQuestions(Questions);
        if (questions.Count > Domain.Funding.MaxQuestions)
        {
            yield return new ValidationResult("Ask at most 5 questions.", [nameof(Questions)]);
        }

        if (questions.Any(q => q.Length > 300))
        {
            yield return new ValidationResult("Keep each question under 300 characters.", [nameof(Questions)]);
        }
    }

    public AuditChanges ApplyTo(FundingCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var questions = string.Join('\n', Domain.Funding.SplitQuestions(Questions));
        var (opensAt, closesAt) = (Domain.Funding.OpensAt(OpensOn!.Value), Domain.Funding.ClosesAt(ClosesOn!.Value));
        var changes = new AuditChanges()
            .With(nameof(FundingCall.Title), call.Title, Title.Trim())
            .With(nameof(FundingCall.Funds), call.Funds, Funds.Trim())
            .With(nameof(FundingCall.MaxAward), Dollars(call.MaxAward), Dollars(MaxAward))
            .With(nameof(FundingCall.Budget), Dollars(call.Budget), Dollars(Budget))
            .With(nameof(FundingCall.OpensAt), Day(call.OpensAt), Day(opensAt))
            .With(nameof(FundingCall.ClosesAt), Day(call.ClosesAt), Day(closesAt))
            .With(nameof(FundingCall.RequiresRecentVerification), call.RequiresRecentVerification.ToString(), RequiresRecentVerification.ToString())
            .With(nameof(FundingCall.Questions), call.Questions, questions.Length == 0 ? null : questions);
        call.Title = Title.Trim();
        call.Funds = Funds.Trim();
        call.MaxAward = MaxAward;
        call.Budget = Budget;
        call.OpensAt = opensAt;
        call.ClosesAt = closesAt;
        call.RequiresRecentVerification = RequiresRecentVerification;
        call.Questions = questions.Length == 0 ? null : questions;
        return changes;
    }

    private static string? Dollars(int amount) => amount == 0 ? null : Domain.Funding.Dollars(amount);

    private static string? Day(DateTime at) => at == default ? null : at.ToString("u", CultureInfo.InvariantCulture);
}

/// <summary>One row of the budget table; rows left empty are ignored.</summary>
public sealed class BudgetLineInput
{
    [StringLength(Limits.Name, ErrorMessage = "Keep each budget item under 200 characters.")]
    public string? Item { get; set; }

    [Range(0, Domain.Funding.MaxDollars, ErrorMessage = "Enter each amount in whole dollars.")]
    public int? Amount { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Item) && Amount is null or 0;
}

/// <summary>Exactly what the application form posts: a draft may be incomplete; submitting checks it all.</summary>
public sealed class FundingApplicationInput
{
    public const int BudgetRows = 6;

    [Display(Name = "The event it funds")]
    public int? EventId { get; set; }

    [Range(0, Domain.Funding.MaxDollars, ErrorMessage = "Enter the amount in whole dollars.")]
    [Display(Name = "Amount asked (US$)")]
    public int? AmountAsked { get; set; }

    [MaxLength(Domain.Funding.MaxBudgetLines)]
    public List<BudgetLineInput> BudgetLines { get; set; } = [];

    [MaxLength(Domain.Funding.MaxQuestions)]
    public List<string?> Answers { get; set; } = [];

    public int Version { get; set; }

    /// <summary>The form's rows: what was entered, then empty rows up to <see cref="BudgetRows"/>; and one answer per question.</summary>
    public FundingApplicationInput Padded(int questions)
    {
        while (BudgetLines.Count < BudgetRows)
        {
            BudgetLines.Add(new BudgetLineInput());
        }

        while (Answers.Count < questions)
        {
            Answers.Add(null);
        }

        return this;
    }
}

public enum FundingDecision
{
    Award = 0,
    Decline = 1,
    RequestChanges = 2,
}

/// <summary>An admin's decision on a submitted application.</summary>
public sealed class FundingDecisionInput
{
    public FundingDecision Kind { get; set; }

    [Range(1, Domain.Funding.MaxDollars, ErrorMessage = "Enter the amount awarded in whole dollars.")]
    [Display(Name = "Amount awarded (US$)")]
    public int? Amount { get; set; }

    [StringLength(Limits.Note, ErrorMessage = "Keep the note under 2,000 characters.")]
    [Display(Name = "Note to the leaders (emailed)")]
    public string? Note { get; set; }

    /// <summary>The versions of the application and of its call the admin saw: the budget left is the one they read.</summary>
    public int Version { get; set; }

    public int CallVersion { get; set; }
}

/// <summary>The post-event report.</summary>
public sealed class FundingReportInput
{
    [Required(ErrorMessage = "Enter how many students came.")]
    [Range(0, Domain.Funding.MaxAttendance, ErrorMessage = "Enter how many students came (0 to 5,000).")]
    [Display(Name = "Students who came")]
    public int? Attendance { get; set; }

    [Required(ErrorMessage = "Say what happened at the event.")]
    [StringLength(Domain.Funding.ReportLength, MinimumLength = 20, ErrorMessage = "Say what happened (20 to 2,000 characters).")]
    [Display(Name = "What happened")]
    public string Summary { get; set; } = "";
}
