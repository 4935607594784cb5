package shop.gateway;

/**
 * An HTTP answer kept for comparison: its status and its body.
 *
 * @param status the HTTP status code
 * @param body the body bytes, possibly empty, never null
 */
record RecordedAnswer(int status, byte[] body) {

}
