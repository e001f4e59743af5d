package io.neontwin.notify;

/**
 * How one post ended.
 *
 * @param delivered true when the receiver accepted it
 * @param attempts  how many posts were made
 * @param problem   why it was not delivered, as the end of a sentence ("Slack answered 404 no_service: ..."); null when delivered
 */
public record Delivery(boolean delivered, int attempts, String problem) {
    static Delivery delivered(int attempts) {
        return new Delivery(true, attempts, null);
    }

    static Delivery failed(int attempts, String problem) {
        return new Delivery(false, attempts, problem);
    }
}
