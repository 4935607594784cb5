package shop;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A product the catalog service added is new to the inventory: it has a stock of 0 on
 * hand at once, as the contract says, and its stock record is opened when an
 * administrator first counts it. A SKU the catalog does not sell has no stock.
 */
class NewProductStockIntegrationTests extends ShopIntegrationTest {

	@Test
	void answersZeroStockForANewProductWithoutWritingIt() {
		catalogService.sell("TOWEL-LINEN", 900);

		ShopClient.Answer stock = this.shop.get("/api/inventory/TOWEL-LINEN");

		assertThat(stock.status()).isEqualTo(200);
		assertThat(stock.json().path("sku").asString()).isEqualTo("TOWEL-LINEN");
		assertThat(stock.json().path("onHand").asInt()).isZero();
		assertThat(stock.json().path("reserved").asInt()).isZero();
		assertThat(stock.json().path("available").asInt()).isZero();
		assertThat(count("select count(*) from inventory.stock where sku = 'TOWEL-LINEN'")).isZero();
	}

	@Test
	void opensTheStockRecordOfANewProductWhenItIsFirstCounted() {
		catalogService.sell("TOWEL-WAFFLE", 1100);

		ShopClient.Answer counted = this.shop.putAsAdmin("/api/inventory/TOWEL-WAFFLE", "{\"onHand\": 7}");

		assertThat(counted.status()).isEqualTo(200);
		assertThat(counted.json().path("available").asInt()).isEqualTo(7);
		assertThat(count("select on_hand from inventory.stock where sku = 'TOWEL-WAFFLE'")).isEqualTo(7);
	}

	@Test
	void rejectsAnOrderForANewProductAsOutOfStock() {
		catalogService.sell("TOWEL-BAR", 700);

		ShopClient.Answer placed = this.shop.placeOrder("ada@example.com", "TOWEL-BAR", 1);

		assertThat(this.shop.awaitFinal(placed).path("reason").asString()).isEqualTo("OUT_OF_STOCK");
	}

	@Test
	void hasNoStockForASkuTheCatalogDoesNotSell() {
		ShopClient.Answer read = this.shop.get("/api/inventory/NO-SUCH-SKU");
		ShopClient.Answer counted = this.shop.putAsAdmin("/api/inventory/NO-SUCH-SKU", "{\"onHand\": 3}");

		assertThat(read.status()).isEqualTo(404);
		assertThat(read.json().path("type").asString()).isEqualTo("https://workshop.example/problems/stock-not-found");
		assertThat(counted.status()).isEqualTo(404);
		assertThat(count("select count(*) from inventory.stock where sku = 'NO-SUCH-SKU'")).isZero();
	}

}
