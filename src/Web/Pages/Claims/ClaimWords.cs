using System.Globalization;
using CaseManager.Domain.Claims;

namespace CaseManager.Web.Pages.Claims;

/// <summary>How claims read on the pages: statuses as tags, outcomes and money in words.</summary>
public static class ClaimWords
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string Money(decimal amount) => amount.ToString("C2", English);

    public static string Outcome(string outcome) => Enum.TryParse<ClaimOutcome>(outcome, out var parsed) ? ClaimOutcomes.Describe(parsed) : outcome;

    public static string Kind(string kind) => kind == nameof(ClaimKind.Attachment) ? "Attachment fees" : "Results";

    public static string StatusTag(string status) => status switch
    {
        nameof(ClaimStatus.Preparing) or nameof(ClaimLineStatus.Proposed) => "govuk-tag--blue",
        nameof(ClaimStatus.Draft) => "govuk-tag--yellow",
        nameof(ClaimStatus.Submitted) or nameof(ClaimLineStatus.Validated) => "govuk-tag--green",
        nameof(ClaimLineStatus.Rejected) => "govuk-tag--red",
        _ => "govuk-tag--grey",
    };

    public static string Year(int financialYear) => FinancialYear.Name(financialYear);
}
