using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Application.Common.Validation;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Common;
using CaseManager.Domain.Reporting;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.ReferenceFigures.RecordReferenceFigure;

/// <summary>
/// An administrator records a reference figure the partnership report compares against (a survey result, a cost
/// baseline), with its source and date: reference data, not case data, and never a constant in code.
/// </summary>
[RequiresPolicy(Policies.Administer)]
public sealed record RecordReferenceFigureCommand(
    string? Code, PartnershipPriority? Priority, string? Label, decimal? Value, ReferenceUnit? Unit, DateOnly? On, string? Source)
    : ICommand<ReferenceFigureView>;

public sealed class RecordReferenceFigureValidator : AbstractValidator<RecordReferenceFigureCommand>
{
    public RecordReferenceFigureValidator(PartnershipClock clock)
    {
        RuleFor(c => c.Code).NotEmpty().WithMessage("Enter a code").MaximumLength(40).WithMessage("The code must be 40 characters or fewer")
            .Matches("^[A-Za-z0-9]+$").WithMessage("The code may contain only letters and digits");
        RuleFor(c => c.Code).PlainText();
        RuleFor(c => c.Priority).NotNull().WithMessage("Select the priority the figure belongs to");
        RuleFor(c => c.Label).NotEmpty().WithMessage("Enter what the figure measures").MaximumLength(200).WithMessage("The label must be 200 characters or fewer");
        RuleFor(c => c.Label).PlainText();
        RuleFor(c => c.Unit).NotNull().WithMessage("Select the unit");
        RuleFor(c => c.Value).NotNull().WithMessage("Enter the value")
            .GreaterThanOrEqualTo(0).WithMessage("The value cannot be negative")
            .LessThan(1_000_000_000_000).WithMessage("The value is too large");
        // Depends on the unit, so it is a rule of the whole message rather than a limit a schema could state.
        RuleFor(c => c.Value).Must((c, value) => c.Unit != ReferenceUnit.Percent || value <= 100).WithMessage("A percentage is between 0 and 100");
        RuleFor(c => c.On).NotNull().WithMessage("Enter the date the figure describes")
            .Must(on => on <= clock.Today).WithMessage("The date cannot be in the future");
        RuleFor(c => c.Source).NotEmpty().WithMessage("Enter where the figure comes from").MaximumLength(300).WithMessage("The source must be 300 characters or fewer");
        RuleFor(c => c.Source).PlainText();
    }
}

public sealed class RecordReferenceFigureHandler(IAppDbContext db, ICurrentUser currentUser, IAuditTrail audit, TimeProvider time)
    : ICommandHandler<RecordReferenceFigureCommand, ReferenceFigureView>
{
    public async ValueTask<ReferenceFigureView> Handle(RecordReferenceFigureCommand command, CancellationToken cancellationToken)
    {
        var code = command.Code!.Trim();
        if (await db.ReferenceFigures.AnyAsync(f => f.Code == code && f.On == command.On!.Value, cancellationToken))
        {
            throw new DomainRuleException("reference-figure.exists", $"There is already a {code} figure for that date: remove it first to correct it");
        }

        var figure = ReferenceFigure.Record(code, command.Priority!.Value, command.Label!, command.Value!.Value, command.Unit!.Value, command.On!.Value,
            command.Source!, currentUser.Actor.RequireUserId(), time.GetUtcNow());
        db.ReferenceFigures.Add(figure);
        var view = ReferenceFigureView.From(figure);
        audit.Record("reference-figure.record", AuditOutcome.Allowed, AccessRule.Owner, new AuditSubject("ReferenceFigure", figure.Id.ToString()),
            $"{figure.Code} on {figure.On:yyyy-MM-dd}: {view.Display} ({figure.Source})");
        return view;
    }
}
