using System.Linq.Expressions;
using CaseManager.Application.Cases;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Application.Reviews;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Reviews;
using CaseManager.Domain.Treatment;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Treatment.RecordTop;

/// <summary>
/// Records a Treatment Outcomes Profile on an open treatment case (DOMAIN.md DT3), by the owning agency. A review or
/// exit TOP needs the start TOP (409 <c>top.no-start</c>). A review TOP is the case's review: it completes the open
/// scheme review and the review engine schedules the next one interval later (<c>Reviews:IntervalDays</c>), with
/// reminders to the care coordinator (the allocated worker).
/// </summary>
[RequiresPolicy(Policies.WriteCaseData)]
public sealed record RecordTopCommand(CaseId CaseId, TopStage? Stage, DateOnly? CompletedOn, TopAnswers Answers) : ICommand<TopRecordView>;

public sealed class RecordTopValidator : AbstractValidator<RecordTopCommand>
{
    public RecordTopValidator(PartnershipClock clock)
    {
        RuleFor(c => c.Stage).NotNull().WithMessage("Select the stage of the TOP").IsInEnum().WithMessage("Select a stage from the list");
        RuleFor(c => c.CompletedOn).NotNull().WithMessage("Enter the date the TOP was completed")
            .Must(d => d is null || d <= clock.Today).WithMessage("The TOP date cannot be in the future");
        RuleFor(c => c.Answers).NotNull().WithMessage("Send the answers");
        Days(a => a.AlcoholDays);
        Days(a => a.OpiateDays);
        Days(a => a.CrackDays);
        Days(a => a.CocaineDays);
        Days(a => a.AmphetamineDays);
        Days(a => a.CannabisDays);
        Days(a => a.OtherSubstanceDays);
        Days(a => a.TobaccoDays);
        Days(a => a.InjectedDays);
        Days(a => a.ShopliftingDays);
        Days(a => a.DrugSellingDays);
        Days(a => a.VehicleTheftDays);
        Days(a => a.OtherTheftDays);
        Days(a => a.FraudDays);
        Days(a => a.AssaultDays);
        Days(a => a.PaidWorkDays);
        Days(a => a.EducationDays);
        Score(a => a.PsychologicalHealth);
        Score(a => a.PhysicalHealth);
        Score(a => a.QualityOfLife);
        RuleFor(c => c.Answers.AlcoholUnitsPerDay).InclusiveBetween(0, TopAnswers.MaxUnitsPerDay)
            .OverridePropertyName(nameof(TopAnswers.AlcoholUnitsPerDay)).WithMessage("Alcohol units per day must be between 0 and 200").When(c => c.Answers is not null);
        RuleFor(c => c.Answers.OtherSubstanceName).MaximumLength(100)
            .OverridePropertyName(nameof(TopAnswers.OtherSubstanceName)).WithMessage("The other substance must be 100 characters or fewer").When(c => c.Answers is not null);
    }

    // The API sends the answers flat, so errors are keyed by the answer's own name.
    private void Days(Expression<Func<TopAnswers, int?>> field) => Range(field, TopAnswers.MaxDays, "is a number of days in the last 28: 0 to 28");

    private void Score(Expression<Func<TopAnswers, int?>> field) => Range(field, TopAnswers.MaxScore, "is a score from 0 to 20");

    private void Range(Expression<Func<TopAnswers, int?>> field, int max, string message)
    {
        var name = ((MemberExpression)field.Body).Member.Name;
        var read = field.Compile();
        RuleFor(c => c.Answers == null ? null : read(c.Answers))
            .InclusiveBetween(0, max).OverridePropertyName(name).WithMessage($"{Words(name)} {message}");
    }

    private static string Words(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));
}

public sealed class RecordTopHandler(IAppDbContext db, CaseGate gate, ICurrentUser currentUser, IAuditTrail audit, PartnershipClock clock, ReviewPlanner planner)
    : ICommandHandler<RecordTopCommand, TopRecordView>
{
    public async ValueTask<TopRecordView> Handle(RecordTopCommand command, CancellationToken cancellationToken)
    {
        var onCase = await gate.OwnedAsync(command.CaseId, "top.record", cancellationToken);
        var actor = currentUser.Actor;
        var earlier = await db.TopRecords.AsNoTracking().Where(t => t.CaseId == onCase.Id).ToListAsync(cancellationToken);
        var top = TopRecord.Complete(onCase, command.Stage!.Value, command.CompletedOn!.Value, command.Answers, earlier,
            actor.RequireUserId(), clock.Today, clock.Now);
        db.TopRecords.Add(top);
        var detail = $"{top.Stage} TOP of {top.CompletedOn:yyyy-MM-dd}";
        if (top.Stage == TopStage.Review && await OpenSchemeReviewAsync(onCase, cancellationToken) is { } due)
        {
            due.Complete(top.CompletedOn, $"Review TOP recorded on {top.CompletedOn:yyyy-MM-dd}", actor.RequireUserId(), onCase.StartDate, clock.Today, clock.Now);
            var next = planner.ScheduleNext(onCase, top.CompletedOn, clock.Now);
            detail += $"; next review due {next.DueOn:yyyy-MM-dd}";
        }

        audit.Record("top.record", AuditOutcome.Allowed, AccessRule.Owner,
            new AuditSubject("TopRecord", top.Id.ToString(), top.PersonId.Value, top.OwnerAgency), detail);
        return TopRecordView.From(top, actor.DisplayName, access: null);
    }

    private Task<Review?> OpenSchemeReviewAsync(Case onCase, CancellationToken cancellationToken) =>
        db.Reviews.Where(r => r.CaseId == onCase.Id && r.Kind == ReviewKind.Scheme && r.Status == ReviewStatus.Open)
            .OrderBy(r => r.DueOn).FirstOrDefaultAsync(cancellationToken);
}
