using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Agencies.ListAgencies;
using CaseManager.Application.Common.Validation;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Agencies.CreateAgency;

[RequiresPolicy(Policies.Administer)]
public sealed record CreateAgencyCommand(string Code, string Name, IReadOnlyList<Scheme> Schemes) : ICommand<AgencyListItem>;

public sealed class CreateAgencyValidator : AbstractValidator<CreateAgencyCommand>
{
    public CreateAgencyValidator()
    {
        RuleFor(c => c.Code).NotEmpty().WithMessage("Enter a code for the agency")
            .Must(code => AgencyCode.TryParse(code, out _))
            .WithMessage("The code must be 2 to 20 capital letters, digits or hyphens, starting with a letter");
        RuleFor(c => c.Name).NotEmpty().WithMessage("Enter the agency's name").MaximumLength(120);
        RuleFor(c => c.Code).PlainText();
        RuleFor(c => c.Name).PlainText();
        RuleFor(c => c.Schemes).NotNull();
        RuleForEach(c => c.Schemes).IsInEnum().WithMessage("Select schemes from the list");
    }
}

public sealed class CreateAgencyHandler(IAppDbContext db, IAuditTrail audit, TimeProvider clock, AfterCommit afterCommit, ISharingRightDerivations derivations) : ICommandHandler<CreateAgencyCommand, AgencyListItem>
{
    public async ValueTask<AgencyListItem> Handle(CreateAgencyCommand command, CancellationToken cancellationToken)
    {
        var code = AgencyCode.Parse(command.Code);
        if (await db.Agencies.AnyAsync(a => a.Code == code, cancellationToken))
        {
            throw new DomainRuleException("agency.code-taken", $"An agency with code {code} already exists");
        }

        var agency = Agency.Register(code, command.Name, command.Schemes, clock.GetUtcNow());
        db.Agencies.Add(agency);
        audit.Record("agency.create", AuditOutcome.Allowed, AccessRule.Role, new AuditSubject("Agency", code.Value),
            $"Schemes: {string.Join(", ", agency.Schemes.Select(s => s.Scheme))}");

        // What it may read under agreements that name it is worked out in the background (ADR 0026).
        afterCommit.Add(derivations.StartAsync);
        return AgencyListItem.From(agency);
    }
}
