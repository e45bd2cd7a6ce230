using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Validation;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Common;
using CaseManager.Domain.Offending;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.OffenceTypes.SaveOffenceType;

/// <summary>
/// An administrator adds an offence type or changes its name and unit cost (DOMAIN.md IOM7: configurable
/// reference data). A change sends the version read, so two administrators cannot overwrite each other.
/// </summary>
[RequiresPolicy(Policies.Administer)]
public sealed record SaveOffenceTypeCommand(string Code, string? Name, decimal? UnitCost, int? PriceYear, int? Version = null) : ICommand<OffenceTypeView>;

public sealed class SaveOffenceTypeValidator : AbstractValidator<SaveOffenceTypeCommand>
{
    public SaveOffenceTypeValidator()
    {
        RuleFor(c => c.Code).NotEmpty().MaximumLength(40).Matches(OffenceType.CodePattern).WithMessage("The code may contain only letters and digits");
        RuleFor(c => c.Name).NotEmpty().WithMessage("Enter a name").MaximumLength(100).WithMessage("The name must be 100 characters or fewer");
        RuleFor(c => c.Code).PlainText();
        RuleFor(c => c.Name).PlainText();
        RuleFor(c => c.UnitCost).GreaterThanOrEqualTo(0).WithMessage("The unit cost cannot be negative")
            .LessThan(100_000_000).WithMessage("The unit cost is too large");
        RuleFor(c => c.PriceYear).NotNull().When(c => c.UnitCost is not null).WithMessage("Give the price year of the unit cost")
            .InclusiveBetween(1990, 2100).WithMessage("The price year must be between 1990 and 2100");
    }
}

public sealed class SaveOffenceTypeHandler(IAppDbContext db, IAuditTrail audit) : ICommandHandler<SaveOffenceTypeCommand, OffenceTypeView>
{
    public async ValueTask<OffenceTypeView> Handle(SaveOffenceTypeCommand command, CancellationToken cancellationToken)
    {
        var code = command.Code.Trim();
        var type = await db.OffenceTypes.SingleOrDefaultAsync(t => t.Code == code, cancellationToken);
        if (type is null)
        {
            type = OffenceType.Define(code, command.Name!, command.UnitCost, command.PriceYear);
            db.OffenceTypes.Add(type);
        }
        else
        {
            // A change must say which version it read; only a new type comes without one. Whether the type exists is
            // known here, not in the validator, so the 400 is raised here with the same shape (errors.version).
            if (command.Version is null)
            {
                throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(command.Version), "Send the version of the offence type you read")]);
            }

            if (command.Version != type.Version)
            {
                throw new DomainRuleException("concurrency.stale", "Someone else changed this offence type after you opened it. Reload it and try again.");
            }

            type.Change(command.Name!, command.UnitCost, command.PriceYear);
            type.IncrementVersion();
        }

        audit.Record("offence-type.save", AuditOutcome.Allowed, AccessRule.Owner, new AuditSubject("OffenceType", type.Code),
            type.UnitCost is { } cost ? $"{type.Name}: {cost:0.00} at {type.PriceYear} prices" : $"{type.Name}: no unit cost");
        return OffenceTypeView.From(type);
    }
}
