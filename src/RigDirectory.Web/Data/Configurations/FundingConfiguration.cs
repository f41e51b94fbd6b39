using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Data.Configurations;

internal sealed class FundingCallConfiguration : IEntityTypeConfiguration<FundingCall>
{
    public void Configure(EntityTypeBuilder<FundingCall> builder)
    {
        builder.Property(c => c.Slug).HasMaxLength(Limits.Slug);
        builder.Property(c => c.Title).HasMaxLength(Limits.Name);
        builder.Property(c => c.Funds).HasMaxLength(Limits.Note);
        builder.Property(c => c.Questions).HasMaxLength(Limits.Note);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => c.Slug).IsUnique();
        builder.HasIndex(c => c.ClosesAt);
        builder.HasMany(c => c.Applications).WithOne(a => a.Call).HasForeignKey(a => a.CallId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FundingApplicationConfiguration : IEntityTypeConfiguration<FundingApplication>
{
    public void Configure(EntityTypeBuilder<FundingApplication> builder)
    {
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.DecisionNote).HasMaxLength(Limits.Note);
        builder.Property(a => a.DecidedBy).HasMaxLength(Limits.Name);
        builder.Property(a => a.ReportSummary).HasMaxLength(Funding.ReportLength);
        builder.Property(a => a.CreatedByUserId).HasMaxLength(450);
        builder.Property(a => a.Version).IsConcurrencyToken();

        // One application per RIG per call: a second start continues the first.
        builder.HasIndex(a => new { a.CallId, a.RigId }).IsUnique();
        builder.HasIndex(a => new { a.CallId, a.Status });
        builder.HasOne(a => a.Rig).WithMany(r => r.FundingApplications).HasForeignKey(a => a.RigId).OnDelete(DeleteBehavior.Cascade);

        // The event is the RIG's own (deleted with it): no second cascade path.
        builder.HasOne(a => a.Event).WithMany().HasForeignKey(a => a.EventId).OnDelete(DeleteBehavior.NoAction);
        builder.HasMany(a => a.BudgetLines).WithOne(l => l.Application).HasForeignKey(l => l.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Answers).WithOne(l => l.Application).HasForeignKey(l => l.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Photos).WithOne(p => p.Application).HasForeignKey(p => p.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FundingBudgetLineConfiguration : IEntityTypeConfiguration<FundingBudgetLine>
{
    public void Configure(EntityTypeBuilder<FundingBudgetLine> builder) => builder.Property(l => l.Item).HasMaxLength(Limits.Name);
}

internal sealed class FundingAnswerConfiguration : IEntityTypeConfiguration<FundingAnswer>
{
    public void Configure(EntityTypeBuilder<FundingAnswer> builder)
    {
        builder.Property(a => a.Question).HasMaxLength(Limits.Note);
        builder.Property(a => a.Text).HasMaxLength(Funding.AnswerLength);
    }
}

internal sealed class FundingReportPhotoConfiguration : IEntityTypeConfiguration<FundingReportPhoto>
{
    public void Configure(EntityTypeBuilder<FundingReportPhoto> builder)
    {
        builder.Property(p => p.FileName).HasMaxLength(Limits.Name);
        builder.Property(p => p.ContentType).HasMaxLength(100);
        builder.Property(p => p.StoredName).HasMaxLength(64);
        builder.HasIndex(p => p.StoredName).IsUnique();
    }
}

internal sealed class AwardConfiguration : IEntityTypeConfiguration<Award>
{
    public void Configure(EntityTypeBuilder<Award> builder)
    {
        builder.Property(a => a.Slug).HasMaxLength(Limits.Slug);
        builder.Property(a => a.Name).HasMaxLength(Limits.Name);
        builder.Property(a => a.Title).HasMaxLength(Limits.Name + 5);
        builder.Property(a => a.Criteria).HasMaxLength(Award.CriteriaLength);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => a.Slug).IsUnique();
        builder.HasMany(a => a.Nominations).WithOne(n => n.Award).HasForeignKey(n => n.AwardId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NominationConfiguration : IEntityTypeConfiguration<Nomination>
{
    public void Configure(EntityTypeBuilder<Nomination> builder)
    {
        builder.Property(n => n.Statement).HasMaxLength(Award.StatementLength);
        builder.Property(n => n.NominatedBy).HasMaxLength(Limits.Name);
        builder.Property(n => n.NominatedByUserId).HasMaxLength(450);

        // A RIG is nominated once per award; the first statement stands.
        builder.HasIndex(n => new { n.AwardId, n.RigId }).IsUnique();
        builder.HasIndex(n => new { n.RigId, n.SelectedAt });
        builder.HasOne(n => n.Rig).WithMany(r => r.Nominations).HasForeignKey(n => n.RigId).OnDelete(DeleteBehavior.Cascade);
    }
}
