using CaseManager.Application.Sharing;
using CaseManager.Application.Sharing.ListSharingAgreements;
using CaseManager.Application.Sharing.ListSharingRightDerivations;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Sharing;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Governance.Agreements;

public sealed class AgreementsIndexModel(ISender sender) : PageModel
{
    public IReadOnlyList<AgreementRow> Agreements { get; private set; } = [];

    /// <summary>How far the rights of changed agreements have been worked out (ADR 0026).</summary>
    public SharingRightDerivationsView Derivations { get; private set; } = new(false, []);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Derivations = await sender.Send(new ListSharingRightDerivationsQuery(), cancellationToken);
        var agreements = await sender.Send(new ListSharingAgreementsQuery(), cancellationToken);
        Agreements = agreements.Select(ToRow).ToList();
    }

    private static AgreementRow ToRow(SharingAgreementView agreement)
    {
        var (status, tagClass) = agreement switch
        {
            { EndedAt: not null } => ("Ended", "govuk-tag--grey"),
            { InForce: true } => ("In force", "govuk-tag--green"),
            _ => ("Not in force", "govuk-tag--yellow"),
        };
        var validTo = LocalTime.Date(agreement.ValidTo);
        return new AgreementRow(
            agreement.Name,
            string.Join(", ", agreement.Agencies),
            SchemeNames.ListOf<DataCategory>(agreement.DataCategories),
            SchemeNames.ListOf<Scheme>(agreement.Purposes),
            SchemeNames.Of<LawfulBasis>(agreement.LawfulBasis),
            agreement.ConsentRequired ? "Yes" : "No",
            status,
            tagClass,
            validTo is null ? $"From {LocalTime.Date(agreement.ValidFrom)}" : $"{LocalTime.Date(agreement.ValidFrom)} to {validTo}",
            agreement.EndedAt is null ? $"/governance/agreements/{agreement.Id}/end" : null);
    }
}

/// <summary>One agreement as the list shows it.</summary>
public sealed record AgreementRow(
    string Name,
    string Agencies,
    string Categories,
    string Schemes,
    string LawfulBasis,
    string ConsentRequired,
    string Status,
    string StatusTagClass,
    string Valid,
    string? EndHref);
