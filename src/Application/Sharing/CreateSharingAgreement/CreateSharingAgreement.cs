using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Application.Common.Validation;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Sharing;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Sharing.CreateSharingAgreement;

/// <summary>The information governance lead records an agreement; sharing under it starts on its start date.</summary>
[RequiresPolicy(Policies.InformationGovernance)]
public sealed record CreateSharingAgreementCommand(
    string Name,
    IReadOnlyList<string> Agencies,
    IReadOnlyList<DataCategory> DataCategories,
    IReadOnlyList<Scheme> Purposes,
    LawfulBasis? LawfulBasis,
    string? SpecialCategoryCondition,
    string? Gateway,
    bool? ConsentRequired,
    DateOnly? ValidFrom,
    DateOnly? ValidTo) : ICommand<SharingAgreementView>;

public sealed class CreateSharingAgreementValidator : AbstractValidator<CreateSharingAgreementCommand>
{
    public CreateSharingAgreementValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("Enter a name for the agreement").MaximumLength(200);
        RuleFor(c => c.Agencies).Cascade(CascadeMode.Stop).NotNull().WithMessage("Select at least two agencies")
            .DistinctItems(2).WithMessage("Select at least two agencies");
        RuleForEach(c => c.Agencies).Must(code => AgencyCode.TryParse(code, out _)).WithMessage("Agency codes must be valid");
        RuleFor(c => c.DataCategories).NotEmpty().WithMessage("Select the categories of data the agreement covers");
        RuleForEach(c => c.DataCategories).IsInEnum();
        RuleFor(c => c.Purposes).NotEmpty().WithMessage("Select the schemes the agreement is for");
        RuleForEach(c => c.Purposes).IsInEnum();
        RuleFor(c => c.LawfulBasis).NotNull().WithMessage("Select the lawful basis for sharing").IsInEnum().WithMessage("Select the lawful basis for sharing");
        RuleFor(c => c.SpecialCategoryCondition).MaximumLength(300);
        RuleFor(c => c.Gateway).MaximumLength(300);
        RuleFor(c => c.Name).PlainText();
        RuleForEach(c => c.Agencies).PlainText();
        RuleFor(c => c.SpecialCategoryCondition).MultilineText();
        RuleFor(c => c.Gateway).MultilineText();
        // Required: a missing answer must not quietly make an agreement that needs no consent.
        RuleFor(c => c.ConsentRequired).NotNull().WithMessage("Say whether sharing needs the person's consent");
        RuleFor(c => c.ValidFrom).NotNull().WithMessage("Enter the date the agreement starts");
        RuleFor(c => c.ValidTo).GreaterThanOrEqualTo(c => c.ValidFrom).When(c => c.ValidTo is not null && c.ValidFrom is not null)
            .WithMessage("The end date must be on or after the start date");
    }
}

public sealed class CreateSharingAgreementHandler(
    IAppDbContext db, ICurrentUser currentUser, IAuditTrail audit, PartnershipClock clock, AfterCommit afterCommit, ISharingRightDerivations derivations)
    : ICommandHandler<CreateSharingAgreementCommand, SharingAgreementView>
{
    public async ValueTask<SharingAgreementView> Handle(CreateSharingAgreementCommand command, CancellationToken cancellationToken)
    {
        var agencies = command.Agencies.Select(AgencyCode.Parse).Distinct().ToList();
        var known = await db.Agencies.Where(a => agencies.Contains(a.Code)).Select(a => a.Code).ToListAsync(cancellationToken);
        var unknown = agencies.Except(known).ToList();
        if (unknown.Count > 0)
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(command.Agencies), $"Unknown agencies: {string.Join(", ", unknown)}")]);
        }

        var agreement = SharingAgreement.Create(
            new SharingAgreementTerms(command.Name, agencies, command.DataCategories, command.Purposes, command.LawfulBasis!.Value,
                command.SpecialCategoryCondition, command.Gateway, command.ConsentRequired!.Value, command.ValidFrom!.Value, command.ValidTo),
            currentUser.Actor.RequireUserId(),
            clock.Now);
        db.SharingAgreements.Add(agreement);
        audit.Record("agreement.create", AuditOutcome.Allowed, AccessRule.Role, new AuditSubject("SharingAgreement", agreement.Id.ToString()),
            $"{agreement.Name}: {string.Join(", ", agencies)}; {string.Join(", ", command.DataCategories)}; consent required: {agreement.ConsentRequired}");

        // Its rights are worked out in the background; it grants nothing until then (ADR 0026).
        afterCommit.Add(derivations.StartAsync);
        return SharingAgreementView.From(agreement, clock.Today);
    }
}
