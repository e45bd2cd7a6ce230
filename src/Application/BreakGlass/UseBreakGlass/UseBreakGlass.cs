using CaseManager.Application.Common.Validation;
using CaseManager.Application.Common;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Email;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Application.Users;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.People;
using CaseManager.Domain.Sharing;
using CaseManager.Domain.Users;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseManager.Application.BreakGlass.UseBreakGlass;

/// <summary>
/// Emergency access to everything held on a person, when someone is at risk (DOMAIN.md IS7 (3)): time-limited,
/// justified in writing, audited, and reviewed by the information governance lead, who is told by email.
/// </summary>
[RequiresPolicy(Policies.BreakGlass)]
public sealed record UseBreakGlassCommand(PersonId PersonId, string Justification, RiskCategory? RiskCategory) : ICommand<BreakGlassView>;

public sealed class UseBreakGlassValidator : AbstractValidator<UseBreakGlassCommand>
{
    public UseBreakGlassValidator()
    {
        RuleFor(c => c.Justification).NotEmpty().WithMessage("Explain why you need access now")
            .MinimumLength(20).WithMessage("Explain why you need access now, in at least 20 characters")
            .MaximumLength(2000);
        RuleFor(c => c.Justification).MultilineText();
        RuleFor(c => c.RiskCategory).NotNull().WithMessage("Select the kind of risk").IsInEnum().WithMessage("Select the kind of risk");
    }
}

public sealed class UseBreakGlassHandler(
    IAppDbContext db,
    ICurrentUser currentUser,
    IAuditTrail audit,
    PartnershipClock clock,
    IOptions<PartnershipOptions> options,
    IUserDirectory users,
    IEmailSender email,
    AfterCommit afterCommit) : ICommandHandler<UseBreakGlassCommand, BreakGlassView>
{
    public async ValueTask<BreakGlassView> Handle(UseBreakGlassCommand command, CancellationToken cancellationToken)
    {
        // Break-glass exists for records the user cannot see, so the person need not be visible; it must exist.
        var owner = await db.People.Where(p => p.Id == command.PersonId).Select(p => (Domain.Agencies.AgencyCode?)p.OwnerAgency).SingleOrDefaultAsync(cancellationToken)
            ?? throw NotFoundException.For("Person", command.PersonId);
        var actor = currentUser.Actor;
        var grant = BreakGlassGrant.Grant(command.PersonId, actor.RequireUserId(), actor.RequireAgency(), command.Justification, command.RiskCategory!.Value,
            TimeSpan.FromHours(options.Value.BreakGlassHours), clock.Now);
        db.BreakGlassGrants.Add(grant);
        audit.Record("break-glass.use", AuditOutcome.Allowed, AccessRule.BreakGlass,
            new AuditSubject("BreakGlassGrant", grant.Id.ToString(), command.PersonId.Value, owner),
            $"{command.RiskCategory} until {grant.ExpiresAt:O}: {command.Justification}");

        var reviewers = await users.EmailsOfRoleAsync(Role.InformationGovernance, cancellationToken);
        afterCommit.Add(async ct =>
        {
            foreach (var reviewer in reviewers)
            {
                await email.SendAsync(
                    new EmailMessage(
                        reviewer,
                        "Break-glass access to review",
                        $"""
                        {actor.DisplayName} ({actor.Agency}) used break-glass access at {grant.GrantedAt:dd MMM yyyy HH:mm} UTC.
                        Risk: {command.RiskCategory}. Access ends {grant.ExpiresAt:dd MMM yyyy HH:mm} UTC.

                        Review it in CaseManager under Information governance, break-glass reviews (reference {grant.Id}).
                        """),
                    ct);
            }
        });
        return BreakGlassView.From(grant, clock.Now);
    }
}
