package shop.inventory.web;

import jakarta.validation.Valid;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import shop.inventory.internal.InventoryService;

/**
 * The inventory API: anyone reads the stock of a SKU, an administrator sets the units on
 * hand.
 */
@RestController
@RequestMapping("/api/inventory/{sku}")
public class InventoryController {

	private final InventoryService inventoryService;

	public InventoryController(InventoryService inventoryService) {
		this.inventoryService = inventoryService;
	}

	@GetMapping
	public StockResponse find(@PathVariable String sku) {
		return StockResponse.from(this.inventoryService.find(sku));
	}

	@PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	public StockResponse count(@PathVariable String sku, @Valid @RequestBody StockUpdateRequest request) {
		return StockResponse.from(this.inventoryService.count(sku, request.onHand()));
	}

}
