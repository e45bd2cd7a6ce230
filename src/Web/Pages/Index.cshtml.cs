using CaseManager.Application.Agencies.ListAgencies;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Users.GetCurrentUser;
using CaseManager.Application.Users.GetMySummary;
using CaseManager.Application.Users.ListUsers;
using CaseManager.Domain.Users;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages;

/// <summary>
/// Home answers "what do I do today?": the caller's numbers from <see cref="GetMySummaryQuery"/> (the same as
/// <c>GET /api/v1/me/summary</c>), each linking to its list. An administrator, who reads no case data, sees the
/// partnership's users and agencies instead.
/// </summary>
public sealed class IndexModel(ISender sender, ICurrentUser currentUser) : PageModel
{
    public string DisplayName { get; private set; } = string.Empty;

    public string AgencyName { get; private set; } = string.Empty;

    public bool CanReadCases { get; private set; }

    public bool CanWriteCases { get; private set; }

    public bool IsAdministrator { get; private set; }

    public bool IsInformationGovernance { get; private set; }

    /// <summary>"My day": each number with its link; empty for a user who reads no case data.</summary>
    public IReadOnlyList<HomeCount> Today { get; private set; } = [];

    public IReadOnlyList<HomeCount> AdminSummary { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var me = await sender.Send(new GetCurrentUserQuery(), cancellationToken);
        DisplayName = me.DisplayName;
        AgencyName = me.Agency.Name;
        var actor = currentUser.Actor;
        CanReadCases = Policies.Allows(Policies.ReadCaseData, actor);
        CanWriteCases = Policies.Allows(Policies.WriteCaseData, actor);
        IsAdministrator = actor.IsInRole(Role.Administrator);
        IsInformationGovernance = Policies.Allows(Policies.InformationGovernance, actor);

        var summary = await sender.Send(new GetMySummaryQuery(), cancellationToken);
        var counts = new List<HomeCount>();
        if (summary.ReadsCaseData)
        {
            counts.Add(new("caseload", summary.Caseload, "open case", "open cases", "in your caseload", "/cases"));
            counts.Add(new("reviews-due", summary.ReviewsDue, "review", "reviews", "due", "/reviews?show=Due"));
            counts.Add(new("reviews-overdue", summary.ReviewsOverdue, "review", "reviews", "overdue", "/reviews?show=Overdue"));
            if (Policies.Allows(Policies.ManageCases, actor))
            {
                counts.Add(new("exit-nominations", summary.ExitNominationsWaiting, "exit nomination", "exit nominations", "waiting for your decision", "/cases/exits"));
            }
        }

        counts.Add(new("unread-notifications", summary.UnreadNotifications, "notification", "notifications", "unread", "/notifications"));
        Today = counts;

        if (IsAdministrator && !summary.ReadsCaseData)
        {
            var users = await sender.Send(new ListUsersQuery(PageSize: 1), cancellationToken);
            var agencies = await sender.Send(new ListAgenciesQuery(), cancellationToken);
            AdminSummary =
            [
                new("users", users.Total, "user account", "user accounts", "in the partnership", "/admin/users"),
                new("agencies", agencies.Count, "agency", "agencies", "taking part", "/admin/agencies"),
            ];
        }
    }
}

/// <summary>One number on the home page: "3 reviews overdue", linking to the list it counts.</summary>
public sealed record HomeCount(string Key, int Count, string One, string Many, string What, string Href)
{
    public string Noun => Count == 1 ? One : Many;
}
