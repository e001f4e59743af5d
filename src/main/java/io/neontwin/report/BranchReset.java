package io.neontwin.report;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One branch below the twin and what the run did to it.
 *
 * @param name   the branch's name in Neon
 * @param id     its id ({@code br-...})
 * @param parent the name of its parent branch
 * @param reason why it was skipped or failed, one sentence; null when reset
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BranchReset(String name, String id, String parent, BranchResetResult result, String reason) {
}
