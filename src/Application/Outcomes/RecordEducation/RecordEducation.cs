using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Application.Common.Validation;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Outcomes;
using CaseManager.Domain.People;
using FluentValidation;
using Mediator;

namespace CaseManager.Application.Outcomes.RecordEducation;

/// <summary>
/// Records an education fact about a child (DOMAIN.md TF1 (b), TF2): an exclusion, alternative provision, not on a
/// roll, or a term's attendance. Each kind takes only its own fields (<see cref="EducationRecord.FieldsOf"/>); a
/// field that does not apply is refused rather than ignored, so nothing is stored that the engines would not read.
/// </summary>
[RequiresPolicy(Policies.WriteCaseData)]
public sealed record RecordEducationCommand(
    PersonId PersonId,
    EducationKind? Kind,
    DateOnly? On = null,
    string? Term = null,
    int? Days = null,
    int? SessionsPossible = null,
    int? UnauthorisedAbsenceSessions = null) : ICommand<EducationRecordView>;

public sealed class RecordEducationValidator : AbstractValidator<RecordEducationCommand>
{
    public RecordEducationValidator(PartnershipClock clock)
    {
        RuleFor(c => c.Kind).NotNull().WithMessage("Select the kind of record").IsInEnum().WithMessage("Select a kind of record from the list");
        RuleFor(c => c.Term).PlainText();
        When(c => c.Kind is { } kind && Enum.IsDefined(kind), () =>
        {
            Field(c => c.On, EducationFields.On, "Enter the date");
            Field(c => c.Term, EducationFields.Term, "Enter the term");
            Field(c => c.Days, EducationFields.Days, "Enter the number of days");
            Field(c => c.SessionsPossible, EducationFields.SessionsPossible, "Enter the sessions possible");
            Field(c => c.UnauthorisedAbsenceSessions, EducationFields.UnauthorisedAbsenceSessions, "Enter the unauthorised absence sessions");
        });
        RuleFor(c => c.On).Must(d => d is null || d <= clock.Today).WithMessage("The date cannot be in the future");
        RuleFor(c => c.Term).Must(t => t is null || SchoolTerm.TryParse(t, out _)).WithMessage($"Enter the term as {SchoolTerm.Format}, for example 2026-Autumn")
            .Must(t => t is null || !SchoolTerm.TryParse(t, out var term) || term.Start <= clock.Today).WithMessage("The term has not started yet");
        RuleFor(c => c.Days).InclusiveBetween(1, EducationRecord.MaxExclusionDays).WithMessage($"A fixed-term exclusion is 1 to {EducationRecord.MaxExclusionDays} days");
        RuleFor(c => c.SessionsPossible).InclusiveBetween(1, EducationRecord.MaxSessionsInTerm).WithMessage($"Sessions possible must be 1 to {EducationRecord.MaxSessionsInTerm}");
        RuleFor(c => c.UnauthorisedAbsenceSessions).GreaterThanOrEqualTo(0).WithMessage("Unauthorised absences cannot be negative")
            .Must((c, absent) => absent is null || c.SessionsPossible is null || absent <= c.SessionsPossible)
            .WithMessage("Unauthorised absences cannot be more than the sessions possible");
    }

    /// <summary>A field the kind needs must be given; one it does not take must be left out (400, not ignored).</summary>
    private void Field<TValue>(System.Linq.Expressions.Expression<Func<RecordEducationCommand, TValue?>> field, EducationFields flag, string whenMissing)
    {
        RuleFor(field).NotNull().When(c => (EducationRecord.RequiredFieldsOf(c.Kind!.Value) & flag) != 0).WithMessage(whenMissing);
        RuleFor(field).Null().When(c => (EducationRecord.FieldsOf(c.Kind!.Value) & flag) == 0)
            .WithMessage(c => $"A {c.Kind} record does not take this field");
    }
}

public sealed class RecordEducationHandler(IAppDbContext db, PersonGate gate, ICurrentUser currentUser, IAuditTrail audit, PartnershipClock clock)
    : ICommandHandler<RecordEducationCommand, EducationRecordView>
{
    public async ValueTask<EducationRecordView> Handle(RecordEducationCommand command, CancellationToken cancellationToken)
    {
        await gate.EnsureReadableAsync(command.PersonId, "education.record", cancellationToken);
        var actor = currentUser.Actor;
        var record = EducationRecord.Record(command.PersonId, command.Kind!.Value, command.On, command.Term, command.Days,
            command.SessionsPossible, command.UnauthorisedAbsenceSessions, actor.RequireAgency(), actor.RequireUserId(), clock.Now, clock.Today);
        db.EducationRecords.Add(record);
        audit.Record("education.record", AuditOutcome.Allowed, AccessRule.Owner,
            new AuditSubject("EducationRecord", record.Id.ToString(), command.PersonId.Value, record.OwnerAgency), $"{record.Kind} {record.Term ?? record.On?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}");
        return EducationRecordView.From(record, access: null);
    }
}
